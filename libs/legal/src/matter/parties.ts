import type { JsonValue } from '@themis/domain';
import { mentionsAny } from '../text/patterns.ts';
import { asRecord, asText } from './json-read.ts';
import type { NormalizedParty } from './normalized-matter.schema.ts';

/**
 * Party roles. Upstream gave every string party the role "unknown" and later used the
 * `counterparty` (often a claims adjuster) as the defendant. Here a role comes, in order,
 * from a given role, a tag such as "(Client)" or "(Dog Owner)", the "X v. Y" title, and
 * only then from list order; each party records which.
 */
const PLAINTIFF_WORDS = ['client', 'plaintiff', 'claimant', 'petitioner', 'minor', 'injured party', 'victim', 'guardian ad litem', 'estate of', 'decedent'];
const DEFENDANT_WORDS = ['defendant', 'respondent', 'owner', 'dog owner', 'driver', 'manufacturer', 'contractor', 'subcontractor', 'tortfeasor', 'landlord', 'property owner', 'employer', 'distributor', 'retailer', 'seller'];
const ORGANIZATION_WORDS = ['inc', 'llc', 'l.l.c', 'llp', 'ltd', 'corp', 'corporation', 'co', 'company', 'hospital', 'clinic', 'medical center', 'market', 'store', 'stores', 'group', 'partners', 'associates', 'bank', 'university', 'services', 'logistics', 'delivery', 'construction', 'rental', 'lines', 'mutual', 'insurance', 'realty', 'properties', 'city', 'county', 'department', 'authority', 'district'];
const PUBLIC_ENTITY = /\b(City of|County of|State of|Department of|Dept\. of|Transit Authority|Housing Authority|Port Authority|School District|Board of Education|Police Department|Sheriff|Township|Village of|Municipal|County)\b/;

export const roleFromWords = (text: string): NormalizedParty['role'] | null =>
  mentionsAny(text, PLAINTIFF_WORDS) ? 'plaintiff' : mentionsAny(text, DEFENDANT_WORDS) ? 'defendant' : null;

function fromGivenRole(role: string): NormalizedParty['role'] {
  const word = role.trim().toLowerCase();
  if (['plaintiff', 'claimant', 'petitioner', 'client', 'injured party'].includes(word)) return 'plaintiff';
  if (['defendant', 'respondent'].includes(word)) return 'defendant';
  return 'other';
}

export interface PartyDraft extends Omit<NormalizedParty, 'role' | 'roleBasis'> {
  readonly role: NormalizedParty['role'] | null;
  readonly roleBasis: NormalizedParty['roleBasis'] | null;
}

/** A party as written: "Maria Lopez (Client)" or { name, role, counsel }. */
export function readParty(value: JsonValue, path: string): PartyDraft | null {
  const record = asRecord(value);
  const written = record === null ? asText(value) : asText(record.name) ?? asText(record.party);
  if (written === null) return null;
  const tagMatch = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(written);
  const name = tagMatch?.[1]?.trim() || written.trim();
  const tag = tagMatch?.[2]?.trim() ?? null;
  const givenRole = record === null ? null : asText(record.role);
  const tagRole = tag === null ? null : roleFromWords(tag);
  const role = givenRole !== null && givenRole.toLowerCase() !== 'unknown' ? fromGivenRole(givenRole) : tagRole;
  const basis = givenRole !== null && givenRole.toLowerCase() !== 'unknown' ? 'given' : tagRole !== null ? 'tag' : null;
  const context = `${written} ${givenRole ?? ''}`;
  return {
    name,
    role,
    roleBasis: basis,
    roleLabel: givenRole ?? tag,
    tag,
    counsel: record === null ? null : asText(record.counsel),
    isMinor: mentionsAny(context, ['minor', 'guardian ad litem', 'by and through']),
    guardian: /[Gg]uardian(?:\s+[Aa]d\s+[Ll]item)?\s+(\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*)+)/u.exec(tag ?? '')?.[1] ?? null,
    isOrganization: mentionsAny(name, ORGANIZATION_WORDS),
    isPublicEntity: PUBLIC_ENTITY.test(name),
    path,
  };
}

const STOP = new Set(['inc', 'llc', 'llp', 'ltd', 'co', 'corp', 'the', 'of', 'and', 'dr', 'md', 'm', 'd', 'mr', 'mrs', 'ms', 'jr', 'sr']);
const tokens = (text: string): string[] => text.toLowerCase().replace(/\([^)]*\)/g, ' ').split(/[^\p{L}\p{N}]+/u).filter((t) => t !== '' && !STOP.has(t));

/** True when every significant word of one side of "X v. Y" appears in the party's name. */
export function nameMatchesSide(name: string, side: string): boolean {
  const sideTokens = tokens(side);
  const nameTokens = new Set(tokens(name));
  return sideTokens.length > 0 && sideTokens.every((token) => nameTokens.has(token));
}

/** The two sides of a title such as "Garcia v. MegaMart Stores, Inc." (any parenthetical dropped). */
export function titleSides(title: string | null): { plaintiff: string; defendant: string } | null {
  const match = /^(.+?)\s+v(?:s)?\.?\s+(.+)$/i.exec(title ?? '');
  if (match === null) return null;
  return { plaintiff: (match[1] ?? '').trim(), defendant: (match[2] ?? '').replace(/\([^)]*\)\s*$/, '').trim() };
}

/** Resolves every party's role: given/tag first, then the title, then list order. */
export function resolveRoles(drafts: readonly PartyDraft[], title: string | null): NormalizedParty[] {
  const sides = titleSides(title);
  const withTitle = drafts.map((draft) => {
    if (draft.role !== null || sides === null) return draft;
    if (nameMatchesSide(draft.name, sides.plaintiff)) return { ...draft, role: 'plaintiff' as const, roleBasis: 'title' as const };
    if (nameMatchesSide(draft.name, sides.defendant)) return { ...draft, role: 'defendant' as const, roleBasis: 'title' as const };
    return draft;
  });
  let hasPlaintiff = withTitle.some((draft) => draft.role === 'plaintiff');
  return withTitle.map((draft) => {
    if (draft.role !== null && draft.roleBasis !== null) return { ...draft, role: draft.role, roleBasis: draft.roleBasis };
    // Upstream matters list the client first; everyone after is on the other side unless tagged.
    const role = hasPlaintiff ? 'defendant' : 'plaintiff';
    hasPlaintiff = true;
    return { ...draft, role, roleBasis: 'order' };
  });
}
