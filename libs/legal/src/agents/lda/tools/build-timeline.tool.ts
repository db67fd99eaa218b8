import { z } from 'zod';
import { describeDate } from '../../../matter/matter-date.ts';
import { type MatterDate, normalizedMatterSchema, type NormalizedMatter } from '../../../matter/normalized-matter.schema.ts';
import { formatUsd } from '../../../text/money.ts';
import { splitSentences } from '../../../text/sentences.ts';
import { findDatesInText } from '../../../time/text-dates.ts';
import { defineTool } from '../../shared/tool.ts';
import { type Source, sourceSchema } from '../../shared/source.schema.ts';
import { matterTexts } from '../matter-texts.ts';

export const timelineEntrySchema = z.object({
  date: z.string(),
  precision: z.enum(['day', 'month', 'year']),
  description: z.string(),
  kind: z.enum(['event', 'document', 'medical_record', 'text_mention']),
  source: sourceSchema,
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const undatedItemSchema = z.object({ description: z.string(), date_as_given: z.string().nullable(), reason: z.string(), source: sourceSchema });

export const timelineResultSchema = z.object({
  timeline: z.array(timelineEntrySchema),
  undated: z.array(undatedItemSchema),
  unresolved_dates: z.array(z.string()),
});
export type TimelineResult = z.infer<typeof timelineResultSchema>;

const KIND_ORDER: Record<TimelineEntry['kind'], number> = { event: 0, document: 1, medical_record: 2, text_mention: 3 };

function place(date: MatterDate, description: string, kind: TimelineEntry['kind'], source: Source, result: { timeline: TimelineEntry[]; undated: TimelineResult['undated'] }): void {
  if ((date.status === 'exact' || date.status === 'partial') && date.iso !== null && date.precision !== null) {
    const shown = date.precision === 'day' ? date.iso : date.precision === 'month' ? date.iso.slice(0, 7) : date.iso.slice(0, 4);
    result.timeline.push({ date: shown, precision: date.precision, description, kind, source });
    return;
  }
  const reason = date.status === 'missing' ? 'no date given' : date.status === 'invalid' ? 'date is not a valid date' : 'date given as free text that names no single day';
  result.undated.push({ description, date_as_given: date.raw, reason, source });
}

/** Start of the period a timeline date names, for sorting ("2024-03" sorts as 2024-03-01). */
const sortKey = (entry: TimelineEntry): string => (entry.precision === 'day' ? entry.date : entry.precision === 'month' ? `${entry.date}-01` : `${entry.date}-01-01`);

function buildTimeline(matter: NormalizedMatter, reference: Date): TimelineResult {
  const result = { timeline: [] as TimelineEntry[], undated: [] as TimelineResult['undated'] };
  for (const event of matter.events) place(event.date, event.description, 'event', { path: event.path, label: `Event ${describeDate(event.date)}` }, result);
  for (const doc of matter.documents) {
    const first = doc.summary === null ? undefined : splitSentences(doc.summary)[0];
    place(doc.date, first === undefined ? `Document "${doc.title}"` : `Document "${doc.title}": ${first}`, 'document', { path: doc.path, label: `Document "${doc.title}"` }, result);
  }
  for (const provider of matter.medical) {
    for (const record of provider.records) {
      const bill = record.balance === null ? 'no balance given' : `balance ${formatUsd(record.balance)}`;
      place(record.date, `${provider.name}: ${record.description ?? 'treatment'} (${bill})`, 'medical_record', { path: record.path, label: `Medical record, ${provider.name}` }, result);
    }
  }
  // Dates stated in prose; event descriptions are skipped because events carry their own date.
  for (const text of matterTexts(matter).filter((t) => t.kind !== 'event')) {
    for (const sentence of splitSentences(text.text)) {
      for (const found of findDatesInText(sentence, reference)) {
        result.timeline.push({ date: found.date, precision: found.precision, description: sentence, kind: 'text_mention', source: text.source });
      }
    }
  }
  const timeline = result.timeline
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => sortKey(a.entry).localeCompare(sortKey(b.entry)) || KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind] || a.index - b.index)
    .map(({ entry }) => entry);
  const unresolved = result.undated.filter((item) => item.date_as_given !== null && item.date_as_given.trim() !== '').map((item) => `${item.source.path}: date ${JSON.stringify(item.date_as_given)} (${item.source.label}) could not be resolved to a day`);
  return { timeline, undated: result.undated, unresolved_dates: unresolved };
}

export const buildTimelineTool = defineTool({
  name: 'build_timeline',
  description: 'A sorted timeline from events, dated documents, medical records and dates stated in prose, each entry pointing to its source; undated items are kept separately.',
  input: z.object({ matter: normalizedMatterSchema, reference_time: z.string() }),
  output: timelineResultSchema,
  run: ({ matter, reference_time }) => buildTimeline(matter, new Date(reference_time)),
});
