import { describe, expect, it } from '@jest/globals';
import { computeDeadline } from './deadline.ts';
import { years } from './state-rules.types.ts';

describe('computeDeadline', () => {
  it('ends on the anniversary when it is a weekday', () => {
    const deadline = computeDeadline('2024-02-11', years(2), '2025-06-01');
    expect(deadline).toMatchObject({ anniversary: '2026-02-11', deadline: '2026-02-11', weekday: 'Wednesday', rolled_forward: false, days_remaining: 255, status: 'open' });
  });

  it('rolls a Saturday anniversary forward to Monday and says so', () => {
    const deadline = computeDeadline('2024-04-18', years(2), '2025-06-01');
    expect(deadline.anniversary).toBe('2026-04-18');
    expect(deadline.deadline).toBe('2026-04-20');
    expect(deadline.rolled_forward).toBe(true);
    expect(deadline.roll_note).toBe('2026-04-18 is a Saturday; the period runs to the next business day, Monday 2026-04-20.');
  });

  it('rolls a Sunday anniversary to Monday (Feb 29 start in a common year)', () => {
    const deadline = computeDeadline('2024-02-29', years(3), '2026-01-01');
    expect(deadline.anniversary).toBe('2027-02-28');
    expect(deadline.anniversary_note).toContain('2027-02-28');
    expect(deadline.deadline).toBe('2027-03-01');
  });

  it('handles New York med-mal 2 years 6 months', () => {
    expect(computeDeadline('2024-03-12', years(2, 6), '2025-06-01')).toMatchObject({ anniversary: '2026-09-12', deadline: '2026-09-14', period_text: '2 years 6 months' });
  });

  it('warns about a federal holiday instead of moving over it', () => {
    const deadline = computeDeadline('2024-05-25', years(2), '2025-06-01');
    expect(deadline.deadline).toBe('2026-05-25');
    expect(deadline.holiday_warnings[0]).toContain('Memorial Day');
  });

  it('warns when the rolled-forward Monday is itself a federal holiday', () => {
    const deadline = computeDeadline('2025-01-16', years(2), '2025-06-01');
    expect(deadline).toMatchObject({ anniversary: '2027-01-16', deadline: '2027-01-18', rolled_forward: true });
    expect(deadline.holiday_warnings[0]).toContain('Birthday of Martin Luther King, Jr.');
  });

  it('flags deadlines due within 180 days and expired ones', () => {
    expect(computeDeadline('2024-02-11', years(2), '2025-12-01')).toMatchObject({ days_remaining: 72, status: 'within_180_days' });
    expect(computeDeadline('2024-02-11', years(2), '2026-03-01')).toMatchObject({ days_remaining: -18, status: 'expired' });
  });
});
