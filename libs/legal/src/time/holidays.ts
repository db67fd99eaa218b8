import { addDays, dayOfWeek, formatIsoDate, type IsoDate } from './calendar.ts';

/**
 * US federal holidays, computed (not looked up) so results are deterministic. They are used
 * only to WARN: state courts keep their own holiday calendars (California's judicial holidays,
 * Texas county offices, Illinois statutory holidays), so a deadline is never moved over a
 * holiday here; it is flagged for a human to check the court's calendar.
 */
export interface Holiday {
  readonly date: IsoDate;
  readonly name: string;
}

function nthWeekday(year: number, month: number, weekday: number, n: number): IsoDate {
  const first = formatIsoDate({ year, month, day: 1 });
  const offset = (weekday - dayOfWeek(first) + 7) % 7;
  return addDays(first, offset + (n - 1) * 7);
}

function lastWeekday(year: number, month: number, weekday: number): IsoDate {
  const nextFirst = month === 12 ? formatIsoDate({ year: year + 1, month: 1, day: 1 }) : formatIsoDate({ year, month: month + 1, day: 1 });
  const last = addDays(nextFirst, -1);
  return addDays(last, -((dayOfWeek(last) - weekday + 7) % 7));
}

/** A fixed-date holiday on a Saturday is observed the Friday before; on a Sunday, the Monday after. */
function withObserved(date: IsoDate, name: string): Holiday[] {
  const weekday = dayOfWeek(date);
  if (weekday === 6) return [{ date, name }, { date: addDays(date, -1), name: `${name} (observed)` }];
  if (weekday === 0) return [{ date, name }, { date: addDays(date, 1), name: `${name} (observed)` }];
  return [{ date, name }];
}

export function federalHolidays(year: number): Holiday[] {
  const fixed = (month: number, day: number, name: string): Holiday[] => withObserved(formatIsoDate({ year, month, day }), name);
  return [
    ...fixed(1, 1, "New Year's Day"),
    { date: nthWeekday(year, 1, 1, 3), name: 'Birthday of Martin Luther King, Jr.' },
    { date: nthWeekday(year, 2, 1, 3), name: "Washington's Birthday" },
    { date: lastWeekday(year, 5, 1), name: 'Memorial Day' },
    ...(year >= 2021 ? fixed(6, 19, 'Juneteenth National Independence Day') : []),
    ...fixed(7, 4, 'Independence Day'),
    { date: nthWeekday(year, 9, 1, 1), name: 'Labor Day' },
    { date: nthWeekday(year, 10, 1, 2), name: 'Columbus Day' },
    ...fixed(11, 11, 'Veterans Day'),
    { date: nthWeekday(year, 11, 4, 4), name: 'Thanksgiving Day' },
    ...fixed(12, 25, 'Christmas Day'),
    // New Year's Day of the next year on a Saturday is observed on Dec 31 of this year.
    ...withObserved(formatIsoDate({ year: year + 1, month: 1, day: 1 }), "New Year's Day").filter((h) => h.date.startsWith(String(year))),
  ];
}

/** The federal holidays (actual or observed) falling on the date. */
export function federalHolidaysOn(date: IsoDate): Holiday[] {
  return federalHolidays(Number(date.slice(0, 4))).filter((holiday) => holiday.date === date);
}
