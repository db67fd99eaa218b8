import { z } from 'zod';
import { provenanceSchema } from '../shared/source.schema.ts';
import { caseAssessmentSchema } from './tools/assess-case.tool.ts';
import { riskAssessmentSchema } from './tools/assess-risks.tool.ts';
import { negotiationSchema } from './tools/plan-negotiation.tool.ts';
import { valuationSchema } from './tools/value-case.tool.ts';

export const lsaArtifactSchema = z.object({
  agent: z.literal('lsa'),
  strategy: z.object({
    theory_of_the_case: z.string(),
    strengths: caseAssessmentSchema.shape.strengths,
    weaknesses: caseAssessmentSchema.shape.weaknesses,
    settlement_range: valuationSchema,
    negotiation_positions: negotiationSchema,
    recommended_actions: z.array(z.string()),
    contingencies: z.array(z.string()),
    risk_assessment: riskAssessmentSchema,
  }),
  draft: z.object({
    client_safe_summary: z.string(),
    next_steps: z.array(z.string()),
    risk_level: z.enum(['low', 'moderate', 'high']),
    recommended_document_type: z.enum(['demand_letter', 'complaint']),
    document_type_reasoning: z.string(),
  }),
  provenance: provenanceSchema,
  unresolved_issues: z.array(z.string()),
});
export type LsaArtifact = z.infer<typeof lsaArtifactSchema>;
