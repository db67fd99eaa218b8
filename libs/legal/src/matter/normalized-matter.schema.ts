import { z } from 'zod';

/**
 * The internal model the agents reason over. It is derived from the matter as given (which is
 * stored unchanged) and keeps every value; what could not be read is listed in `problems`.
 */
export const matterDateSchema = z.object({
  raw: z.string().nullable(),
  /** The day (exact) or the first day of the period (partial); null when unresolved or missing. */
  iso: z.string().nullable(),
  precision: z.enum(['day', 'month', 'year']).nullable(),
  status: z.enum(['exact', 'partial', 'free_text', 'missing', 'invalid']),
});
export type MatterDate = z.infer<typeof matterDateSchema>;

export const partyRoleSchema = z.enum(['plaintiff', 'defendant', 'other']);

export const normalizedPartySchema = z.object({
  name: z.string(),
  role: partyRoleSchema,
  /** The role as written: a given role ("insurer") or a tag ("Dog Owner"). */
  roleLabel: z.string().nullable(),
  roleBasis: z.enum(['given', 'tag', 'title', 'order']),
  tag: z.string().nullable(),
  counsel: z.string().nullable(),
  isMinor: z.boolean(),
  guardian: z.string().nullable(),
  isOrganization: z.boolean(),
  isPublicEntity: z.boolean(),
  path: z.string(),
});
export type NormalizedParty = z.infer<typeof normalizedPartySchema>;

const text = z.string().nullable();
const amount = z.number().nullable();

export const normalizedMatterSchema = z.object({
  format: z.enum(['A', 'B', 'mixed']),
  id: text,
  title: z.string(),
  jurisdiction: text,
  causeOfAction: text,
  venue: text,
  phase: text,
  caseNumber: text,
  filingDate: matterDateSchema,
  incidentDateGiven: matterDateSchema,
  summary: text,
  description: text,
  incidentDescription: text,
  parties: z.array(normalizedPartySchema),
  counterparty: text,
  documents: z.array(z.object({ path: z.string(), title: z.string(), date: matterDateSchema, summary: text, content: text, type: text, facts: z.array(z.string()) })),
  events: z.array(z.object({ path: z.string(), date: matterDateSchema, description: z.string() })),
  issues: z.array(z.object({ path: z.string(), issue: z.string(), facts: z.array(z.string()), areaOfLaw: text, strength: text })),
  authorities: z.array(z.object({ cite: z.string(), summary: text })),
  goals: z.object({ settlement: amount, fallback: amount, opening: amount, ideal: amount, minimum: amount, remedy: text }),
  strengths: z.array(z.string()),
  weaknesses: z.array(z.string()),
  concessions: z.array(z.string()),
  evidentiaryGaps: z.array(z.string()),
  confidenceScore: amount,
  damages: z.object({ specials: amount, generals: amount, punitive: amount, wageLoss: amount, futureMedical: amount, propertyDamage: amount, notes: text }),
  insurance: z.array(z.object({ path: z.string(), carrier: text, policyNumber: text, coverageLimits: text, adjuster: text })),
  deadlines: z.array(z.object({ path: z.string(), name: z.string(), due: matterDateSchema, description: text })),
  injuries: z.array(z.object({ path: z.string(), description: z.string(), bodyParts: z.array(z.string()), severity: text, treatment: text, prognosis: text })),
  medical: z.array(z.object({
    path: z.string(),
    name: z.string(),
    specialty: text,
    records: z.array(z.object({ path: z.string(), date: matterDateSchema, description: text, balance: amount })),
  })),
  liability: z.array(z.object({ path: z.string(), name: z.string(), facts: z.array(z.string()), defenses: z.array(z.string()) })),
  evidence: z.array(z.object({ path: z.string(), text: z.string() })),
  witnesses: z.array(z.string()),
  negotiationHistory: z.array(z.string()),
  plaintiffFaultPercent: amount,
  faultBasis: text,
  /** Values that could not be read (an unreadable amount, an unresolved date), by path. */
  problems: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type NormalizedMatter = z.infer<typeof normalizedMatterSchema>;
