import { z } from 'zod';
import { citedAuthoritySchema } from './authority.schema.ts';

/** Shapes of computed rules as they appear in artifacts (snake_case, JSON only). */
export const periodSchema = z.object({ years: z.number().int().nonnegative(), months: z.number().int().nonnegative(), days: z.number().int().nonnegative() });

export const deadlineSchema = z.object({
  start: z.string(),
  period: periodSchema,
  period_text: z.string(),
  anniversary: z.string(),
  anniversary_note: z.string().nullable(),
  deadline: z.string(),
  weekday: z.string(),
  rolled_forward: z.boolean(),
  roll_note: z.string().nullable(),
  holiday_warnings: z.array(z.string()),
  as_of: z.string(),
  days_remaining: z.number().int(),
  status: z.enum(['open', 'within_180_days', 'expired']),
});
export type Deadline = z.infer<typeof deadlineSchema>;

export const minorsSchema = z.object({
  applies: z.enum(['yes', 'no', 'unknown']),
  plaintiff_age: z.number().nullable(),
  summary: z.string(),
  citations: z.array(citedAuthoritySchema),
  tolled_deadline_range: z.object({ earliest: z.string(), latest: z.string() }).nullable(),
  note: z.string(),
});

export const limitationSchema = z.object({
  claim_kind: z.enum(['general', 'medical_malpractice']),
  /** The period that applies (known even when the incident date is not). */
  period: periodSchema,
  period_text: z.string(),
  basis: z.string(),
  citation: citedAuthoritySchema,
  computation_citations: z.array(citedAuthoritySchema),
  computation_note: z.string(),
  incident_date: z.string().nullable(),
  deadline: deadlineSchema.nullable(),
  outer_limit: z.object({ label: z.string(), deadline: deadlineSchema.nullable(), citations: z.array(citedAuthoritySchema) }).nullable(),
  minors: minorsSchema,
  notes: z.array(z.string()),
});
export type Limitation = z.infer<typeof limitationSchema>;

export const faultRuleSchema = z.object({
  kind: z.enum(['pure', 'modified']),
  bar_above_percent: z.number().nullable(),
  summary: z.string(),
  citation: citedAuthoritySchema,
  notes: z.array(z.string()),
});
export type FaultRule = z.infer<typeof faultRuleSchema>;

export const capSchema = z.object({
  kind: z.enum(['non_economic_medical_malpractice', 'punitive', 'government_defendant']),
  status: z.enum(['in_force', 'invalidated', 'none']),
  applies: z.boolean(),
  summary: z.string(),
  citations: z.array(citedAuthoritySchema),
  source_urls: z.array(z.string()),
  verified: z.enum(['yes', 'partly', 'unverified']),
  /** A dollar limit on non-economic damages for this matter, where one is in force and computable. */
  non_economic_limit: z.number().nullable(),
  figures: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
});
export type Cap = z.infer<typeof capSchema>;

export const governmentClaimSchema = z.object({
  applies: z.enum(['yes', 'not_indicated']),
  public_parties: z.array(z.string()),
  first_step: z.string(),
  deadline: deadlineSchema.nullable(),
  summary: z.string(),
  citations: z.array(citedAuthoritySchema),
});

export const dogBiteSchema = z.object({
  regime: z.string(),
  summary: z.string(),
  defences: z.array(z.string()),
  citations: z.array(citedAuthoritySchema),
  notes: z.array(z.string()),
});

export const knownJurisdictionSchema = z.object({
  known: z.literal(true),
  code: z.string(),
  name: z.string(),
  input: z.string(),
  limitation: limitationSchema,
  fault_rule: faultRuleSchema,
  damages_caps: z.array(capSchema),
  government_claim: governmentClaimSchema,
  dog_bite: dogBiteSchema.nullable(),
});

export const unknownJurisdictionSchema = z.object({
  known: z.literal(false),
  code: z.null(),
  name: z.null(),
  input: z.string().nullable(),
  reason: z.string(),
  limitation: z.null(),
  fault_rule: z.null(),
  damages_caps: z.array(capSchema),
  government_claim: z.null(),
  dog_bite: z.null(),
});

export const jurisdictionBlockSchema = z.discriminatedUnion('known', [knownJurisdictionSchema, unknownJurisdictionSchema]);
export type JurisdictionBlock = z.infer<typeof jurisdictionBlockSchema>;
