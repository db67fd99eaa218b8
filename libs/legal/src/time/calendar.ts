/**
 * Civil (calendar) dates as ISO `YYYY-MM-DD` strings. Limitation law counts calendar days,
 * not instants, so everything here is date-only and computed in UTC to avoid time-zone drift.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Parses `YYYY-MM-DD`; null unless it names a real calendar day (so 2023-02-29 is null). */
export function parseIsoDate(text: string): CivilDate | null {
  const match = ISO_DATE.exec(text);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export const formatIsoDate = (date: CivilDate): IsoDate =>
  `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;

function mustParse(iso: IsoDate): CivilDate {
  const date = parseIsoDate(iso);
  if (date === null) throw new RangeError(`not an ISO calendar date: ${iso}`);
  return date;
}

const toUtcMs = (date: CivilDate): number => Date.UTC(date.year, date.month - 1, date.day);
const fromUtcMs = (ms: number): CivilDate => {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};

/** The calendar date of an instant, in UTC. */
export const isoDateOf = (instant: Date): IsoDate => formatIsoDate(fromUtcMs(instant.getTime()));

export const addDays = (iso: IsoDate, days: number): IsoDate => formatIsoDate(fromUtcMs(toUtcMs(mustParse(iso)) + days * 86_400_000));

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: IsoDate, to: IsoDate): number => Math.round((toUtcMs(mustParse(to)) - toUtcMs(mustParse(from))) / 86_400_000);

/** 0 = Sunday … 6 = Saturday. */
export const dayOfWeek = (iso: IsoDate): number => new Date(toUtcMs(mustParse(iso))).getUTCDay();

export interface ShiftedDate {
  readonly date: IsoDate;
  /** True when the same day does not exist in the target month (Feb 29 → Feb 28, Aug 31 + 6 months → Feb 28/29). */
  readonly clamped: boolean;
}

/** Same month and day `months` later; a day that does not exist becomes the month's last day. */
export function addMonths(iso: IsoDate, months: number): ShiftedDate {
  const start = mustParse(iso);
  const index = start.year * 12 + (start.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = daysInMonth(year, month);
  return { date: formatIsoDate({ year, month, day: Math.min(start.day, last) }), clamped: start.day > last };
}

/** The anniversary `years` later (Feb 29 → Feb 28 in a common year). */
export const addYears = (iso: IsoDate, years: number): ShiftedDate => addMonths(iso, years * 12);

export const compareIso = (a: IsoDate, b: IsoDate): number => (a < b ? -1 : a > b ? 1 : 0);
