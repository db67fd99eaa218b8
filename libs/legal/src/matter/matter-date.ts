import type { JsonValue } from '@themis/domain';
import { readDateText } from '../time/date-text.ts';
import { findDatesInText } from '../time/text-dates.ts';
import type { MatterDate } from './normalized-matter.schema.ts';

// chrono needs a reference instant only for relative phrases, which findDatesInText discards.
const REFERENCE = new Date(0);

/** Reads a structured date field: ISO, reduced precision, a date written in words, or unresolved text. */
export function readMatterDate(value: JsonValue | undefined): MatterDate {
  if (typeof value !== 'string') return { raw: null, iso: null, precision: null, status: 'missing' };
  const reading = readDateText(value);
  switch (reading.kind) {
    case 'exact':
      return { raw: value, iso: reading.iso, precision: 'day', status: 'exact' };
    case 'partial':
      return { raw: value, iso: reading.start, precision: reading.precision, status: 'partial' };
    case 'empty':
      return { raw: value, iso: null, precision: null, status: 'missing' };
    case 'invalid':
      return { raw: value, iso: null, precision: null, status: 'invalid' };
    case 'free_text': {
      // "March 14, 2024" names one day; "Various 2023-2024" does not and stays unresolved.
      const found = findDatesInText(value, REFERENCE);
      const [only] = found;
      const leftover = only === undefined ? value : value.replace(only.text, '').replace(/\b(on|in|of|the)\b/gi, '');
      if (found.length === 1 && only !== undefined && !/[\p{L}\p{N}]/u.test(leftover)) {
        return only.precision === 'day'
          ? { raw: value, iso: only.date, precision: 'day', status: 'exact' }
          : { raw: value, iso: only.sortKey, precision: 'month', status: 'partial' };
      }
      return { raw: value, iso: null, precision: null, status: 'free_text' };
    }
  }
}

/** A short human form: the ISO day, "2024-03 (month only)", or the raw text in quotes. */
export function describeDate(date: MatterDate): string {
  if (date.status === 'exact' && date.iso !== null) return date.iso;
  if (date.status === 'partial' && date.iso !== null) return `${date.precision === 'month' ? date.iso.slice(0, 7) : date.iso.slice(0, 4)} (${date.precision} only)`;
  if (date.raw !== null && date.raw.trim() !== '') return `"${date.raw}"`;
  return 'undated';
}
