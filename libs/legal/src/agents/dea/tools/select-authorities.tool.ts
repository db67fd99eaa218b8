import { z } from 'zod';
import { clientAuthority } from '../../../rules/authorities.ts';
import { citedAuthoritySchema, clientAuthoritySchema, type CitedAuthority } from '../../../rules/authority.schema.ts';
import { jurisdictionBlockSchema, type JurisdictionBlock } from '../../../rules/rules-output.schema.ts';
import { defineTool } from '../../shared/tool.ts';
import { issueResultSchema, type IssueResult } from '../issues/issue-pattern.ts';

export const usedAuthoritySchema = citedAuthoritySchema.extend({ used_for: z.array(z.string()) });

export const authoritiesResultSchema = z.object({
  authorities: z.array(usedAuthoritySchema),
  controlling: z.array(z.string()),
  contrary: z.array(z.string()),
  client_authorities: z.array(clientAuthoritySchema),
  notes: z.array(z.string()),
});
export type AuthoritiesResult = z.infer<typeof authoritiesResultSchema>;

interface Use {
  readonly authority: CitedAuthority;
  readonly usedFor: string;
  readonly adverse: boolean;
}

function uses(block: JurisdictionBlock, issues: readonly IssueResult[], plaintiffFaultAlleged: boolean): Use[] {
  const list: Use[] = [];
  const add = (authorities: readonly CitedAuthority[], usedFor: string, adverse = false): void => authorities.forEach((authority) => list.push({ authority, usedFor, adverse }));
  if (block.known) {
    const lim = block.limitation;
    add([lim.citation], 'limitation period');
    add(lim.computation_citations, 'computing the deadline');
    if (lim.outer_limit !== null) add(lim.outer_limit.citations, lim.outer_limit.label);
    if (lim.minors.applies === 'yes') add(lim.minors.citations, 'minor plaintiff');
    if (block.government_claim.applies === 'yes') add(block.government_claim.citations, 'claims against public entities');
    const fault = block.fault_rule;
    add([fault.citation], 'comparative fault', (fault.kind === 'modified' && plaintiffFaultAlleged) || fault.notes.some((n) => n.includes('1411(b)')));
    for (const cap of block.damages_caps) {
      if (cap.applies) add(cap.citations, `damages cap (${cap.kind.replace(/_/g, ' ')})`, cap.status === 'in_force');
      else if (cap.status === 'invalidated' && lim.claim_kind === 'medical_malpractice') add(cap.citations, 'no enforceable damages cap');
    }
    if (block.dog_bite !== null) add(block.dog_bite.citations, 'dog-bite liability');
  }
  for (const issue of issues) add(issue.authorities, issue.issue);
  return list;
}

/** Curated authorities used by this analysis, split into controlling and adverse, plus the client's own list marked as such. */
export function selectAuthorities(block: JurisdictionBlock, issues: readonly IssueResult[], client: readonly { cite: string; summary: string | null }[], plaintiffFaultAlleged: boolean): AuthoritiesResult {
  const byId = new Map<string, { authority: CitedAuthority; usedFor: string[]; adverse: boolean }>();
  for (const use of uses(block, issues, plaintiffFaultAlleged)) {
    const entry = byId.get(use.authority.authority_id) ?? { authority: use.authority, usedFor: [], adverse: false };
    if (!entry.usedFor.includes(use.usedFor)) entry.usedFor.push(use.usedFor);
    entry.adverse ||= use.adverse;
    byId.set(use.authority.authority_id, entry);
  }
  const entries = [...byId.values()];
  const clientList = client.map((c) => clientAuthority(c.cite, c.summary));
  const unverified = clientList.filter((c) => !c.in_curated_table).length;
  return {
    authorities: entries.map((e) => ({ ...e.authority, used_for: e.usedFor })),
    controlling: entries.map((e) => e.authority.cite),
    contrary: entries.filter((e) => e.adverse).map((e) => e.authority.cite),
    client_authorities: clientList,
    notes: [
      ...(entries.length === 0 ? ['No curated authority applies: the jurisdiction is unknown or outside the curated rules.'] : []),
      ...(unverified > 0 ? [`${unverified} authorit${unverified === 1 ? 'y' : 'ies'} supplied with the matter ${unverified === 1 ? 'is' : 'are'} not in the curated table and ${unverified === 1 ? 'was' : 'were'} not verified by Themis.`] : []),
    ],
  };
}

export const selectAuthoritiesTool = defineTool({
  name: 'select_authorities',
  description: 'Collects the curated authorities behind the jurisdiction rules and issues (controlling, and adverse ones such as caps and fault bars), and echoes the matter\'s own authorities marked as client-supplied.',
  input: z.object({ jurisdiction: jurisdictionBlockSchema, issues: z.array(issueResultSchema), client_authorities: z.array(z.object({ cite: z.string(), summary: z.string().nullable() })), plaintiff_fault_alleged: z.boolean() }),
  output: authoritiesResultSchema,
  run: (input) => selectAuthorities(input.jurisdiction, input.issues, input.client_authorities, input.plaintiff_fault_alleged),
});
