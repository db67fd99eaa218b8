import { describe, expect, it } from '@jest/globals';
import { findMoneyMentions, formatUsd, readAmount } from './money.ts';

describe('readAmount', () => {
  it('reads numbers and currency strings', () => {
    expect(readAmount(52000)).toEqual({ ok: true, value: 52000 });
    expect(readAmount('$52,000')).toEqual({ ok: true, value: 52000 });
    expect(readAmount('$1,850,000')).toEqual({ ok: true, value: 1850000 });
    expect(readAmount('1234.5')).toEqual({ ok: true, value: 1234.5 });
    expect(readAmount('$1.2M')).toEqual({ ok: true, value: 1200000 });
    expect(readAmount('45k')).toEqual({ ok: true, value: 45000 });
  });

  it('rejects text that is not an amount instead of reading it as zero', () => {
    const reading = readAmount('about fifty thousand');
    expect(reading.ok).toBe(false);
    expect(reading.ok ? '' : reading.reason).toContain('is not an amount');
    expect(readAmount('$85,000-$120,000').ok).toBe(false);
    expect(readAmount('5,20').ok).toBe(false);
  });

  it('rejects negative amounts', () => {
    expect(readAmount(-1)).toEqual({ ok: false, reason: 'must not be negative' });
    expect(readAmount('-$500').ok).toBe(false);
  });
});

describe('findMoneyMentions', () => {
  it('separates single amounts, ranges and rates', () => {
    const mentions = findMoneyMentions('Refunds of $18,000; future costs $85,000-$120,000; earning $75,000/year; retraining $25,000-40,000.');
    expect(mentions.map((m) => [m.kind, m.low, m.high, m.per])).toEqual([
      ['amount', 18000, 18000, null],
      ['range', 85000, 120000, null],
      ['rate', 75000, 75000, 'year'],
      ['range', 25000, 40000, null],
    ]);
  });
});

describe('formatUsd', () => {
  it('prints whole dollars without cents and keeps cents otherwise', () => {
    expect(formatUsd(155200)).toBe('$155,200');
    expect(formatUsd(1234.5)).toBe('$1,234.50');
  });
});
