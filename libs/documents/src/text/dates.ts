import { validationError } from '@themis/domain';

/** Calendar dates as ISO strings (YYYY-MM-DD), computed in UTC so no time zone can shift a day. */
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

function toUtc(iso: string): Date | null {
  const match = ISO_DAY.exec(iso);
  if (match === null) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === iso ? date : null;
}

/** The letter date as a UTC midnight; a caller passing anything but a real YYYY-MM-DD day gets a validation error. */
export function parseLetterDate(iso: string): Date {
  const date = toUtc(iso);
  if (date === null) throw validationError('invalid_letter_date', `letterDate must be a calendar date written YYYY-MM-DD (got ${JSON.stringify(iso)})`, [{ path: 'letterDate', message: 'not a YYYY-MM-DD date' }]);
  return date;
}

export function addDays(iso: string, days: number): string {
  return new Date(parseLetterDate(iso).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseLetterDate(to).getTime() - parseLetterDate(from).getTime()) / DAY_MS);
}

/**
 * "June 1, 2025", or "March 2024" / "2024" for the partial dates the LDA timeline keeps. Text
 * that is not such a date is returned as given rather than guessed at.
 */
export function formatLongDate(iso: string): string {
  const parts = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (parts === null) return iso;
  const [, year, month, day] = parts;
  const monthName = month === undefined ? undefined : MONTHS[Number(month) - 1];
  if (month !== undefined && monthName === undefined) return iso;
  if (day !== undefined) return toUtc(iso) === null ? iso : `${monthName} ${Number(day)}, ${year}`;
  return monthName === undefined ? `${year}` : `${monthName} ${year}`;
}
