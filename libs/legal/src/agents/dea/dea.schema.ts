import { z } from 'zod';
import { clientAuthoritySchema } from '../../rules/authority.schema.ts';
import { jurisdictionBlockSchema } from '../../rules/rules-output.schema.ts';
import { provenanceSchema } from '../shared/source.schema.ts';
import { issueResultSchema } from './issues/issue-pattern.ts';
import { usedAuthoritySchema } from './tools/select-authorities.tool.ts';

export const clientIssueSchema = z.object({ issue: z.string(), facts: z.array(z.string()), area_of_law: z.string().nullable(), strength: z.string().nullable(), origin: z.literal('client_supplied') });

export const deaArtifactSchema = z.object({
  agent: z.literal('dea'),
  legal_analysis: z.object({
    issues: z.array(issueResultSchema),
    authorities: z.array(usedAuthoritySchema),
    client_authorities: z.array(clientAuthoritySchema),
    client_issues: z.array(clientIssueSchema),
    analysis: z.string(),
  }),
  authorities: z.object({ controlling_authorities: z.array(z.string()), contrary_authorities: z.array(z.string()) }),
  jurisdiction: jurisdictionBlockSchema,
  /** Deadlines the matter itself lists, compared with the computed one. */
  deadline_checks: z.array(z.string()),
  provenance: provenanceSchema,
  unresolved_issues: z.array(z.string()),
});
export type DeaArtifact = z.infer<typeof deaArtifactSchema>;
