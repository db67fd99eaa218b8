import { daysInMonth, parseIsoDate } from './calendar.ts';

/**
 * How a structured date field reads. The policy (shared by validation and normalisation):
 *
 * - `YYYY-MM-DD` naming a real day, or a full ISO date-time, is a date (`exact`).
 *   A date-time keeps the calendar date as written, before any zone offset, because the
 *   person who wrote it meant that local day.
 * - `YYYY` or `YYYY-MM` is ISO 8601 reduced precision: accepted, flagged as `partial`.
 * - Text with letters ("Various 2023-2024", "2024 (various)", "Spring 2024") is accepted as
 *   `free_text` and flagged unresolved: two upstream fixtures use such document dates, they
 *   carry information a lawyer wants kept, and they do not pretend to be a precise day.
 * - Text made only of digits and separators claims to be a date. If it is not ISO
 *   ("2024-02-30", "03/04/2024", "2024/13/01"), it is `invalid` and validation rejects it:
 *   an impossible day is a typo, and a numeric non-ISO date is ambiguous (03/04 is March or April).
 * - An empty string is `empty` (upstream accepted `""` as "no date").
 */
export type DateReading =
  | { readonly kind: 'exact'; readonly iso: string }
  | { readonly kind: 'partial'; readonly precision: 'year' | 'month'; readonly start: string }
  | { readonly kind: 'free_text' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'invalid'; readonly reason: string };

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const YEAR_MONTH = /^(\d{4})(?:-(\d{2}))?$/;

export function readDateText(raw: string): DateReading {
  const text = raw.trim();
  if (text === '') return { kind: 'empty' };
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    return parseIsoDate(text) === null ? { kind: 'invalid', reason: `"${raw}" is not a calendar date` } : { kind: 'exact', iso: text };
  }
  const dateTime = DATE_TIME.exec(text);
  if (dateTime !== null) {
    const [date, hour, minute, second] = [dateTime[1] ?? '', Number(dateTime[2]), Number(dateTime[3]), Number(dateTime[4] ?? '0')];
    if (parseIsoDate(date) === null) return { kind: 'invalid', reason: `"${raw}" is not a calendar date` };
    if (hour > 23 || minute > 59 || second > 60) return { kind: 'invalid', reason: `"${raw}" has an impossible time of day` };
    return { kind: 'exact', iso: date };
  }
  const partial = YEAR_MONTH.exec(text);
  if (partial !== null) {
    const year = Number(partial[1]);
    if (partial[2] === undefined) return { kind: 'partial', precision: 'year', start: `${partial[1]}-01-01` };
    const month = Number(partial[2]);
    if (month < 1 || month > 12 || daysInMonth(year, month) === 0) return { kind: 'invalid', reason: `"${raw}" is not a calendar month` };
    return { kind: 'partial', precision: 'month', start: `${partial[1]}-${partial[2]}-01` };
  }
  // Words are accepted only when they name a year ("Various 2023-2024", "March 14, 2024"): such a
  // date is kept and reported as unresolved. Text that names no year cannot be placed in time.
  if (/\p{L}/u.test(text)) {
    return /(^|\D)(1[89]|20)\d{2}(\D|$)/.test(text)
      ? { kind: 'free_text' }
      : { kind: 'invalid', reason: `"${raw}" names no year: write YYYY-MM-DD, or text with the year such as "Various 2023-2024"` };
  }
  return { kind: 'invalid', reason: `"${raw}" is not an ISO date; write it as YYYY-MM-DD` };
}
