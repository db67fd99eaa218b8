import { addMonths, addDays, dayOfWeek, daysBetween, type IsoDate, WEEKDAYS } from '../time/calendar.ts';
import { federalHolidaysOn } from '../time/holidays.ts';
import type { Deadline } from './rules-output.schema.ts';
import type { Period } from './state-rules.types.ts';

const URGENT_DAYS = 180;

export function periodText(period: Period): string {
  const parts = [
    period.years > 0 ? `${period.years} year${period.years === 1 ? '' : 's'}` : '',
    period.months > 0 ? `${period.months} month${period.months === 1 ? '' : 's'}` : '',
    period.days > 0 ? `${period.days} day${period.days === 1 ? '' : 's'}` : '',
  ].filter((part) => part !== '');
  return parts.length === 0 ? '0 days' : parts.join(' ');
}

function holidayWarnings(deadline: IsoDate): string[] {
  const warnings = federalHolidaysOn(deadline).map(
    (holiday) => `${deadline} is ${holiday.name} (US federal holiday): courts may be closed; check the court's holiday calendar. If closed, the period generally runs to the next court day, but do not rely on it.`,
  );
  for (const neighbour of [addDays(deadline, -1), addDays(deadline, 1)]) {
    for (const holiday of federalHolidaysOn(neighbour)) {
      warnings.push(`${deadline} is next to ${holiday.name} (${neighbour}): check court holidays and closures around the deadline.`);
    }
  }
  return warnings;
}

/**
 * The last day to act: the anniversary of `start` after `period` (the first day is excluded,
 * so a period in years ends on the same month and day; Feb 29 becomes Feb 28; days are added
 * after years and months), moved to the
 * next Monday when it falls on a weekend. Holidays are flagged, not applied: court holiday
 * calendars differ by state and county.
 */
export function computeDeadline(start: IsoDate, period: Period, asOf: IsoDate): Deadline {
  const shifted = addMonths(start, period.years * 12 + period.months);
  const anniversary = addDays(shifted.date, period.days);
  const weekday = dayOfWeek(anniversary);
  const shift = weekday === 6 ? 2 : weekday === 0 ? 1 : 0;
  const deadline = addDays(anniversary, shift);
  const daysRemaining = daysBetween(asOf, deadline);
  return {
    start,
    period: { years: period.years, months: period.months, days: period.days },
    period_text: periodText(period),
    anniversary,
    anniversary_note: shifted.clamped ? `${start.slice(5)} has no counterpart in the end month; the period ends on its last day, ${anniversary}.` : null,
    deadline,
    weekday: WEEKDAYS[dayOfWeek(deadline)] ?? '',
    rolled_forward: shift > 0,
    roll_note: shift > 0 ? `${anniversary} is a ${WEEKDAYS[weekday] ?? ''}; the period runs to the next business day, Monday ${deadline}.` : null,
    holiday_warnings: holidayWarnings(deadline),
    as_of: asOf,
    days_remaining: daysRemaining,
    status: daysRemaining < 0 ? 'expired' : daysRemaining <= URGENT_DAYS ? 'within_180_days' : 'open',
  };
}
