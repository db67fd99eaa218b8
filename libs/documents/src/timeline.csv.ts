import type { LdaArtifact } from '@themis/legal';
import { csvText } from './text/csv.ts';

export const timelineHeader = ['date', 'precision', 'description', 'kind', 'source'] as const;

/**
 * The LDA timeline as rows: dated entries in the LDA's order, then the undated items with an
 * empty date and precision and kind `undated`. An undated item's date as written in the matter
 * goes into its source cell, since it tells the reader where to look for the real date.
 */
export function timelineRecords(lda: LdaArtifact): string[][] {
  const { timeline, undated_items: undated } = lda.facts;
  const dated = timeline.map((entry) => [entry.date, entry.precision, entry.description, entry.kind, entry.source.label]);
  const rest = undated.map((item) => {
    const asGiven = item.date_as_given === null || item.date_as_given.trim() === '' ? '' : `; date as given: ${JSON.stringify(item.date_as_given)}`;
    return ['', '', item.description, 'undated', `${item.source.label}${asGiven}`];
  });
  return [[...timelineHeader], ...dated, ...rest];
}

export function renderTimelineCsv(lda: LdaArtifact): Buffer {
  return Buffer.from(csvText(timelineRecords(lda)), 'utf8');
}
