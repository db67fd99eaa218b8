import { describe, expect, it } from '@jest/globals';
import { readPolicyLimits } from './policy-limits.ts';
import { readSeverity } from './severity.ts';
import { planNegotiation } from './tools/plan-negotiation.tool.ts';
import { valueCase } from './tools/value-case.tool.ts';

const base = {
  economic_total: 100000,
  stated_severities: [],
  injury_texts: ['Torn rotator cuff repaired arthroscopically.'],
  generals_claimed: null,
  fault_rule: null,
  plaintiff_fault_percent: null,
  plaintiff_fault_argued: [],
  non_economic_cap: null,
  coverage_limits: [],
};

describe('readPolicyLimits', () => {
  it.each([
    ['$1M / $3M', { perPerson: 1000000, perOccurrence: 3000000 }],
    ['$30,000/$60,000', { perPerson: 30000, perOccurrence: 60000 }],
    ['100/300', { perPerson: 100000, perOccurrence: 300000 }],
    ['$250,000', { perPerson: 250000, perOccurrence: null }],
  ])('reads %s', (text, limits) => {
    expect(readPolicyLimits(text)).toEqual(limits);
  });

  it('returns null rather than guessing', () => {
    expect(readPolicyLimits('full coverage')).toBeNull();
  });
});

describe('readSeverity', () => {
  it('prefers a severity stated in the matter, the most serious first', () => {
    expect(readSeverity(['minor', 'moderate'], ['Permanent brain injury'])).toEqual({ severity: 'moderate', basis: ['severity stated in the matter: "moderate"'] });
  });

  it('grades from the injury statements otherwise', () => {
    expect(readSeverity([], ['Displaced wrist fracture fixed with a plate.']).severity).toBe('severe');
    expect(readSeverity([], ['Lumbar strain.']).severity).toBe('minor');
    expect(readSeverity([], []).severity).toBe('unknown');
  });
});

describe('valueCase', () => {
  it('multiplies economic damages by the severity band', () => {
    const valuation = valueCase(base);
    expect(valuation).toMatchObject({ severity: 'moderate', multiplier_band: { low: 2, high: 3.5 }, gross_range: { low: 200000, high: 350000 }, range: { low: 200000, high: 350000 } });
  });

  it('reduces by the plaintiff\'s share under a pure rule', () => {
    const valuation = valueCase({ ...base, fault_rule: { kind: 'pure', bar_above_percent: null, cite: 'Li v. Yellow Cab Co., 13 Cal. 3d 804 (1975)' }, plaintiff_fault_percent: 60 });
    expect(valuation.range).toEqual({ low: 80000, high: 140000 });
    expect(valuation.comparative_fault).toMatchObject({ barred: false, recovery_factor: 0.4 });
  });

  it('gives zero when the plaintiff is over the bar of a modified rule', () => {
    const valuation = valueCase({ ...base, fault_rule: { kind: 'modified', bar_above_percent: 50, cite: 'Tex. Civ. Prac. & Rem. Code §§ 33.001, 33.012, 33.013' }, plaintiff_fault_percent: 51 });
    expect(valuation.range).toEqual({ low: 0, high: 0 });
    expect(valuation.comparative_fault.explanation).toBe('Plaintiff 51% at fault is more than 50%: recovery is barred under the modified rule.');
  });

  it('limits non-economic damages to the cap', () => {
    const valuation = valueCase({ ...base, injury_texts: ['Permanent injury.'], non_economic_cap: { limit: 250000, cite: 'Tex. Civ. Prac. & Rem. Code §§ 74.301, 74.303' } });
    expect(valuation.gross_range).toEqual({ low: 300000, high: 500000 });
    expect(valuation.range).toEqual({ low: 300000, high: 350000 });
  });

  it('bounds the range by the known per-person policy limit', () => {
    const valuation = valueCase({ ...base, coverage_limits: ['$250,000 / $500,000'] });
    expect(valuation.range).toEqual({ low: 200000, high: 250000 });
    expect(valuation.bounded_by_policy_limits).toBe(true);
  });

  it('does not invent a value when no economic damages are documented', () => {
    const valuation = valueCase({ ...base, economic_total: 0 });
    expect(valuation.range).toEqual({ low: 0, high: 0 });
    expect(valuation.notes).toContain('No economic damages are documented, so the multiplier method gives 0: this is a gap in the file, not a valuation.');
  });
});

describe('planNegotiation', () => {
  const goals = { settlement: null, fallback: null, opening: null, ideal: null, minimum: null };

  it('uses the computed range when the client gave no goals', () => {
    expect(planNegotiation({ range: { low: 100000, high: 200000 }, bounded_by_policy_limits: false, goals, history: [] })).toMatchObject({
      opening: { amount: 200000 },
      target: { amount: 150000, basis: 'midpoint of the computed range' },
      walk_away: { amount: 100000 },
    });
  });

  it('keeps the client goals and names where they leave the range', () => {
    const plan = planNegotiation({ range: { low: 100000, high: 180000 }, bounded_by_policy_limits: false, goals: { ...goals, settlement: 210000, fallback: 90000 }, history: [{ text: 'Offer of $85,000 received 2024-08-15', amount: 85000 }] });
    expect([plan.opening.amount, plan.target.amount, plan.walk_away.amount]).toEqual([210000, 210000, 90000]);
    expect(plan.notes).toEqual([
      "The client's settlement goal ($210,000) is above the computed range (top $180,000): support it with the claimed general damages or reset expectations.",
      "The client's walk-away ($90,000) is below the computed floor ($100,000).",
    ]);
    expect(plan.history).toEqual(['Offer of $85,000 received 2024-08-15 ($85,000, below the walk-away)']);
  });
});
