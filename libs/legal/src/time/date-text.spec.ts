import { describe, expect, it } from '@jest/globals';
import { readDateText } from './date-text.ts';
import { findDatesInText } from './text-dates.ts';

describe('readDateText', () => {
  it('reads ISO dates and date-times as exact days', () => {
    expect(readDateText('2024-04-18')).toEqual({ kind: 'exact', iso: '2024-04-18' });
    expect(readDateText('2024-04-18T23:30:00-08:00')).toEqual({ kind: 'exact', iso: '2024-04-18' });
    expect(readDateText('2024-04-18T08:15Z')).toEqual({ kind: 'exact', iso: '2024-04-18' });
  });

  it('accepts the upstream free-text document dates as free text', () => {
    expect(readDateText('Various 2023-2024')).toEqual({ kind: 'free_text' });
    expect(readDateText('2024 (various)')).toEqual({ kind: 'free_text' });
  });

  it('rejects words that name no year, since they cannot be placed in time', () => {
    expect(readDateText('yesterday-ish')).toEqual({ kind: 'invalid', reason: '"yesterday-ish" names no year: write YYYY-MM-DD, or text with the year such as "Various 2023-2024"' });
    expect(readDateText('not a date').kind).toBe('invalid');
  });

  it('accepts reduced-precision ISO dates as partial', () => {
    expect(readDateText('2024-03')).toEqual({ kind: 'partial', precision: 'month', start: '2024-03-01' });
    expect(readDateText('2024')).toEqual({ kind: 'partial', precision: 'year', start: '2024-01-01' });
  });

  it('rejects numeric text that claims to be a date but cannot be read unambiguously', () => {
    expect(readDateText('2024-02-30').kind).toBe('invalid');
    expect(readDateText('03/04/2024').kind).toBe('invalid');
    expect(readDateText('2024-13').kind).toBe('invalid');
    expect(readDateText('2024-04-18T25:00').kind).toBe('invalid');
    expect(readDateText('')).toEqual({ kind: 'empty' });
  });
});

describe('findDatesInText', () => {
  const now = new Date('2026-01-01T00:00:00Z');

  it('finds stated days and months with their year', () => {
    const found = findDatesInText('Maya Chen slipped on February 11, 2024. CPSC opened an investigation in March 2024.', now);
    expect(found.map((d) => [d.date, d.precision])).toEqual([
      ['2024-02-11', 'day'],
      ['2024-03', 'month'],
    ]);
  });

  it('ignores relative phrases and times that would be resolved against the clock', () => {
    expect(findDatesInText('Admitted for surgery next morning; attack at 3:15 PM; bilirubin 0.1-1.2.', now)).toEqual([]);
  });
});
