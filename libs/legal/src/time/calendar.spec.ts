import { describe, expect, it } from '@jest/globals';
import { addDays, addMonths, addYears, dayOfWeek, daysBetween, isoDateOf, parseIsoDate } from './calendar.ts';
import { federalHolidaysOn } from './holidays.ts';

describe('calendar', () => {
  it('rejects dates that do not exist', () => {
    expect(parseIsoDate('2023-02-29')).toBeNull();
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2024-13-01')).toBeNull();
  });

  it('moves Feb 29 to Feb 28 in a common year and keeps it in a leap year', () => {
    expect(addYears('2024-02-29', 2)).toEqual({ date: '2026-02-28', clamped: true });
    expect(addYears('2024-02-29', 4)).toEqual({ date: '2028-02-29', clamped: false });
  });

  it('adds months with a month-end clamp (NY 2.5 years = 30 months)', () => {
    expect(addMonths('2024-03-12', 30)).toEqual({ date: '2026-09-12', clamped: false });
    expect(addMonths('2024-08-31', 6)).toEqual({ date: '2025-02-28', clamped: true });
  });

  it('counts days and weekdays in UTC', () => {
    expect(daysBetween('2025-06-01', '2026-04-18')).toBe(321);
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(dayOfWeek('2026-07-04')).toBe(6);
    expect(isoDateOf(new Date('2025-06-01T23:59:59Z'))).toBe('2025-06-01');
  });
});

describe('federal holidays', () => {
  it('knows fixed, floating and observed holidays', () => {
    expect(federalHolidaysOn('2026-07-03').map((h) => h.name)).toEqual(['Independence Day (observed)']);
    expect(federalHolidaysOn('2026-05-25').map((h) => h.name)).toEqual(['Memorial Day']);
    expect(federalHolidaysOn('2026-11-26').map((h) => h.name)).toEqual(['Thanksgiving Day']);
    expect(federalHolidaysOn('2027-12-31').map((h) => h.name)).toEqual(["New Year's Day (observed)"]);
    expect(federalHolidaysOn('2026-03-16')).toEqual([]);
  });
});
