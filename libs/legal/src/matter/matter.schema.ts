import { z } from 'zod';
import { amountField, confidenceField, dateField, nonBlank, optionalText, stringList } from './matter-fields.schema.ts';

/**
 * One schema for both matter shapes upstream used: the API shape (Format A: string parties,
 * documents, events, issues, authorities, goals, damages) and the PI-native shape (Format B:
 * party objects, insurance, deadlines, injuries, medical providers, liability, facts). Every
 * object is loose: unknown keys are kept, at every level. Validation never rewrites input.
 */
const party = z.union([
  z.string(),
  z.looseObject({ name: nonBlank, role: optionalText, counsel: optionalText }),
]);

const documentItem = z.looseObject({
  title: nonBlank,
  date: dateField.nullable().optional(),
  summary: optionalText,
  content: optionalText,
  type: optionalText,
  facts: stringList.optional(),
});

const event = z.looseObject({ date: dateField.nullable().optional(), description: nonBlank });

const issue = z.union([
  z.string(),
  z.looseObject({ issue: nonBlank, facts: stringList.optional(), area_of_law: optionalText, strength: optionalText }),
]);

const authority = z.union([z.string(), z.looseObject({ cite: nonBlank, summary: optionalText })]);

const amount = amountField.nullable().optional();

const goals = z.looseObject({ settlement: amount, fallback: amount, opening: amount, ideal: amount, minimum: amount, remedy: optionalText });

const damages = z.looseObject({ specials: amount, generals: amount, punitive: amount, wage_loss: amount, future_medical: amount, property_damage: amount });

const metadata = z.looseObject({
  id: optionalText,
  title: optionalText,
  jurisdiction: optionalText,
  cause_of_action: optionalText,
  case_number: optionalText,
  venue: optionalText,
  phase: optionalText,
  filing_date: dateField.nullable().optional(),
  incident_date: dateField.nullable().optional(),
});

const insurance = z.looseObject({ carrier: optionalText, policy_number: optionalText, coverage_limits: z.union([z.string(), z.number().min(0)]).nullable().optional(), adjuster: optionalText });

const deadline = z.looseObject({ name: nonBlank, due: dateField, description: optionalText, source: optionalText });

const injury = z.union([
  z.string(),
  z.looseObject({ description: nonBlank, body_parts: stringList.optional(), severity: optionalText, treatment: optionalText, prognosis: optionalText }),
]);

const medicalRecord = z.looseObject({ date: dateField.nullable().optional(), description: optionalText, balance: amount, notes: optionalText });
const provider = z.looseObject({ name: nonBlank, specialty: optionalText, records: z.array(medicalRecord).optional() });

const liability = z.looseObject({ name: nonBlank, facts: stringList.optional(), defenses: stringList.optional() });

const factPattern = z.looseObject({
  incident_description: optionalText,
  incident_date: dateField.nullable().optional(),
  timeline: z.array(z.union([z.string(), event])).optional(),
  evidence: z.array(z.union([z.string(), z.looseObject({})])).optional(),
  witnesses: z.array(z.union([z.string(), z.looseObject({ name: optionalText })])).optional(),
});

const faultAllocation = z
  .looseObject({ plaintiff: z.number().min(0).max(100).optional(), basis: optionalText })
  .describe("Percentages of fault, e.g. { plaintiff: 20 }: the plaintiff's share reduces (or, under a bar, defeats) recovery.");

const hasText = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export const matterSchema = z
  .looseObject({
    summary: optionalText,
    description: optionalText,
    parties: z.array(party).min(1, { message: 'must list at least one party' }).refine((items) => items.length === 0 || items.some((item) => typeof item !== 'string' || item.trim() !== ''), { message: 'must list at least one non-blank party' }),
    counterparty: optionalText,
    documents: z.array(documentItem).optional(),
    events: z.array(event).optional(),
    issues: z.array(issue).optional(),
    authorities: z.array(authority).optional(),
    goals: goals.optional(),
    strengths: stringList.optional(),
    weaknesses: stringList.optional(),
    concessions: stringList.optional(),
    evidentiary_gaps: stringList.optional(),
    confidence_score: confidenceField.nullable().optional(),
    damages: damages.optional(),
    metadata: metadata.optional(),
    title: optionalText,
    jurisdiction: optionalText,
    cause_of_action: optionalText,
    incident_date: dateField.nullable().optional(),
    insurance: z.array(insurance).optional(),
    deadlines: z.array(deadline).optional(),
    injuries: z.array(injury).optional(),
    medical: z.array(provider).optional(),
    liability: z.array(liability).optional(),
    facts: factPattern.optional(),
    fault_allocation: faultAllocation.optional(),
  })
  .superRefine(
    (matter, ctx) => {
      // Runs even when other fields fail, so one response lists every problem.
      const incident = isObject(matter.facts) ? matter.facts.incident_description : undefined;
      if (!hasText(matter.summary) && !hasText(matter.description) && !hasText(incident)) {
        ctx.addIssue({ code: 'custom', path: ['summary'], message: 'a summary, a description or facts.incident_description is required' });
      }
    },
    { when: (payload) => isObject(payload.value) },
  )
  .describe('A personal-injury matter, in the API shape (Format A) or the PI-native shape (Format B); unknown keys are kept.');

export type MatterInput = z.input<typeof matterSchema>;
