import { z } from 'zod';
import { normalizedMatterSchema, type NormalizedMatter } from '../../../matter/normalized-matter.schema.ts';
import { splitSentences } from '../../../text/sentences.ts';
import { defineTool } from '../../shared/tool.ts';
import { sourceSchema } from '../../shared/source.schema.ts';
import { isNarrative, matterTexts } from '../matter-texts.ts';
import { DOCTOR_PATTERN, FACILITY_PATTERN, INJURY_PATTERN, NON_TREATMENT_PATTERN, TREATMENT_PATTERN } from '../medical-terms.ts';
import { type TimelineEntry, timelineEntrySchema } from './build-timeline.tool.ts';

export const injuriesResultSchema = z.object({
  injuries: z.array(z.object({ description: z.string(), body_parts: z.array(z.string()), severity: z.string().nullable(), treatment: z.string().nullable(), prognosis: z.string().nullable(), source: sourceSchema })),
  injury_mentions: z.array(z.object({ text: z.string(), source: sourceSchema })),
  treating_providers: z.array(z.object({ name: z.string(), specialty: z.string().nullable(), basis: z.string(), billed_total: z.number().nullable(), record_count: z.number().int(), source: sourceSchema })),
  treatment_dates: z.array(z.object({ date: z.string(), description: z.string(), source: sourceSchema })),
});
export type InjuriesResult = z.infer<typeof injuriesResultSchema>;

const isTreatmentText = (text: string): boolean => TREATMENT_PATTERN.test(text) && !NON_TREATMENT_PATTERN.test(text);

function providersFromText(matter: NormalizedMatter): InjuriesResult['treating_providers'] {
  const found = new Map<string, InjuriesResult['treating_providers'][number]>();
  for (const text of matterTexts(matter).filter((t) => t.documentIndex !== null)) {
    const doc = matter.documents[text.documentIndex ?? -1];
    if (doc === undefined || NON_TREATMENT_PATTERN.test(doc.title)) continue;
    for (const sentence of splitSentences(text.text).filter((s) => !NON_TREATMENT_PATTERN.test(s))) {
      for (const match of [...sentence.matchAll(DOCTOR_PATTERN), ...sentence.matchAll(FACILITY_PATTERN)]) {
        const name = match[0].trim().replace(/['’]s$/u, '');
        if (!found.has(name)) found.set(name, { name, specialty: null, basis: `named in ${text.source.label}`, billed_total: null, record_count: 0, source: text.source });
      }
    }
  }
  return [...found.values()];
}

/** Treatment dates: medical records, and dated events or documents that describe care (not expert or legal work). */
function treatmentDates(timeline: readonly TimelineEntry[]): InjuriesResult['treatment_dates'] {
  return timeline
    .filter((entry) => entry.precision === 'day' && (entry.kind === 'medical_record' || ((entry.kind === 'event' || entry.kind === 'document') && isTreatmentText(entry.description))))
    .map((entry) => ({ date: entry.date, description: entry.description, source: entry.source }));
}

export const summarizeInjuriesTool = defineTool({
  name: 'summarize_injuries',
  description: 'Injuries (Format B list, or injury statements in the narrative), treating providers (Format B providers, or doctors and facilities named in treatment documents) and treatment dates.',
  input: z.object({ matter: normalizedMatterSchema, timeline: z.array(timelineEntrySchema) }),
  output: injuriesResultSchema,
  run: ({ matter, timeline }) => ({
    injuries: matter.injuries.map((injury) => ({ description: injury.description, body_parts: injury.bodyParts, severity: injury.severity, treatment: injury.treatment, prognosis: injury.prognosis, source: { path: injury.path, label: `Injury "${injury.description}"` } })),
    injury_mentions: matterTexts(matter)
      .filter((t) => isNarrative(t) && t.kind !== 'injury')
      .flatMap((t) => splitSentences(t.text).filter((s) => INJURY_PATTERN.test(s)).map((s) => ({ text: s, source: t.source }))),
    treating_providers:
      matter.medical.length > 0
        ? matter.medical.map((p) => {
            const balances = p.records.flatMap((r) => (r.balance === null ? [] : [r.balance]));
            return { name: p.name, specialty: p.specialty, basis: 'listed in medical providers', billed_total: balances.length === 0 ? null : balances.reduce((a, b) => a + b, 0), record_count: p.records.length, source: { path: p.path, label: `Medical provider "${p.name}"` } };
          })
        : providersFromText(matter),
    treatment_dates: treatmentDates(timeline),
  }),
});
