import { authoritiesTable } from './authorities.table.ts';
import type { Authority, CitedAuthority, ClientAuthority } from './authority.schema.ts';

const byId = new Map(authoritiesTable.map((row) => [row.id, row]));
const citations = new Set(authoritiesTable.map((row) => row.citation));

export function authorityById(id: string): Authority {
  const row = byId.get(id);
  // A missing id is a bug in the rules data, caught by the rules specs; never a user error.
  if (row === undefined) throw new RangeError(`unknown authority id: ${id}`);
  return row;
}

export const isCuratedCitation = (cite: string): boolean => citations.has(cite);

/** The artifact form of a curated authority. */
export function cite(id: string): CitedAuthority {
  const row = authorityById(id);
  return {
    authority_id: row.id,
    cite: row.citation,
    summary: row.summary,
    source_url: row.sourceUrls[0] ?? '',
    source_urls: [...row.sourceUrls],
    verified: row.verified,
    verification_note: row.verificationNote,
    origin: 'curated',
  };
}

/** Echoes a matter's own authority, marked as the client's and not verified by Themis. */
export function clientAuthority(citeText: string, summary: string | null): ClientAuthority {
  const inTable = isCuratedCitation(citeText);
  return {
    cite: citeText,
    summary,
    origin: 'client_supplied',
    in_curated_table: inTable,
    note: inTable
      ? 'Supplied by the matter; the same citation is in the curated table.'
      : 'Supplied by the matter; not in the curated table and not verified by Themis.',
  };
}
