import * as chrono from 'chrono-node';
import { formatIsoDate } from './calendar.ts';

/** A date stated in prose, e.g. "on February 11, 2024" or "in March 2024". */
export interface TextDate {
  readonly text: string;
  readonly date: string;
  readonly precision: 'day' | 'month';
  /** Start of the period, for sorting: the day itself, or the first of the month. */
  readonly sortKey: string;
}

/**
 * Dates written in prose. Only mentions that state a year are kept: chrono resolves relative
 * phrases ("next morning", "3:15 PM") against the reference clock, which would invent dates.
 */
export function findDatesInText(text: string, reference: Date): TextDate[] {
  const found: TextDate[] = [];
  for (const result of chrono.parse(text, reference, { forwardDate: false })) {
    if (!/\b(1[89]|20)\d{2}\b/.test(result.text)) continue;
    const start = result.start;
    if (!start.isCertain('year') || !start.isCertain('month')) continue;
    const year = start.get('year');
    const month = start.get('month');
    if (year === null || month === null) continue;
    const day = start.isCertain('day') ? start.get('day') : null;
    if (day !== null) {
      const date = formatIsoDate({ year, month, day });
      found.push({ text: result.text, date, precision: 'day', sortKey: date });
    } else {
      const sortKey = formatIsoDate({ year, month, day: 1 });
      found.push({ text: result.text, date: sortKey.slice(0, 7), precision: 'month', sortKey });
    }
  }
  return found;
}
