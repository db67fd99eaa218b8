import { z } from 'zod';
import { provenanceSchema, sourceSchema } from '../shared/source.schema.ts';
import { timelineEntrySchema, undatedItemSchema } from './tools/build-timeline.tool.ts';
import { ledgerSchema } from './tools/damages-ledger.tool.ts';
import { incidentResultSchema } from './tools/establish-incident.tool.ts';
import { factStatementSchema } from './tools/extract-facts.tool.ts';
import { gapsResultSchema } from './tools/find-evidence-gaps.tool.ts';
import { partiesResultSchema } from './tools/identify-parties.tool.ts';
import { injuriesResultSchema } from './tools/summarize-injuries.tool.ts';

/** The matter-level facts the LDA reports as given (never defaulted). */
export const matterFactsSchema = z.object({
  id: z.string().nullable(),
  title: z.string(),
  format: z.enum(['A', 'B', 'mixed']),
  jurisdiction_as_given: z.string().nullable(),
  cause_of_action_as_given: z.string().nullable(),
  venue: z.string().nullable(),
  phase: z.string().nullable(),
  filing_date: z.string().nullable(),
  plaintiff_fault_percent: z.number().nullable(),
  plaintiff_fault_basis: z.string().nullable(),
});

/** Everything the LDA computes; `matter_overview` is the only prose. */
export const ldaFactsSchema = z.object({
  matter_overview: z.string(),
  fact_pattern_summary: z.array(z.string()),
  timeline: z.array(timelineEntrySchema),
  undated_items: z.array(undatedItemSchema),
  parties: partiesResultSchema.shape.parties,
  plaintiff: z.string().nullable(),
  defendants: z.array(z.string()),
  counterparty: z.string().nullable(),
  plaintiff_age: partiesResultSchema.shape.plaintiff_age,
  incident: incidentResultSchema,
  injuries: injuriesResultSchema.shape.injuries,
  injury_mentions: injuriesResultSchema.shape.injury_mentions,
  treating_providers: injuriesResultSchema.shape.treating_providers,
  treatment_dates: injuriesResultSchema.shape.treatment_dates,
  damages: ledgerSchema,
  evidence_gaps: gapsResultSchema.shape.gaps,
  treatment_gaps: gapsResultSchema.shape.treatment_gaps,
  client_listed_gaps: gapsResultSchema.shape.client_listed_gaps,
  fact_statements: z.array(factStatementSchema),
  listed_deadlines: z.array(z.object({ name: z.string(), due: z.string().nullable(), due_as_given: z.string().nullable(), description: z.string().nullable(), source: sourceSchema })),
  matter: matterFactsSchema,
});
export type LdaFacts = z.infer<typeof ldaFactsSchema>;

export const ldaArtifactSchema = z.object({
  agent: z.literal('lda'),
  facts: ldaFactsSchema,
  provenance: provenanceSchema,
  unresolved_issues: z.array(z.string()),
});
export type LdaArtifact = z.infer<typeof ldaArtifactSchema>;
