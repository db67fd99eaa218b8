import { describe, expect, it } from '@jest/globals';
import { micraCaps } from './caps.ts';
import { applyComparativeFault } from './fault.ts';
import { jurisdictionRules, type MatterRuleFacts } from './jurisdiction-rules.ts';

const base: MatterRuleFacts = {
  jurisdiction: 'California',
  claimKind: 'general',
  incidentDate: '2024-07-04',
  now: new Date('2025-06-01T12:00:00Z'),
  filedOn: null,
  isMotorVehicle: false,
  isDogBite: false,
  plaintiffAge: null,
  isMinor: false,
  publicParties: [],
  hasPunitiveClaim: false,
};

const known = (facts: Partial<MatterRuleFacts>) => {
  const block = jurisdictionRules({ ...base, ...facts });
  if (!block.known) throw new Error(`expected a known jurisdiction, got ${block.reason}`);
  return block;
};

describe('jurisdictionRules: limitation', () => {
  it('gives California 2 years under CCP § 335.1 and rolls July 4 2026 (Saturday) to Monday', () => {
    const block = known({});
    expect(block.limitation.citation.cite).toBe('Cal. Code Civ. Proc. § 335.1');
    expect(block.limitation.deadline).toMatchObject({ anniversary: '2026-07-04', deadline: '2026-07-06', days_remaining: 400 });
    // July 4 is Saturday and observed on Friday July 3; Monday July 6 is not next to a holiday.
    expect(block.limitation.deadline?.holiday_warnings).toEqual([]);
  });

  it('splits Florida negligence by accrual: 4 years on or before 2023-03-24, 2 years after', () => {
    expect(known({ jurisdiction: 'FL', incidentDate: '2023-03-24' }).limitation.deadline?.anniversary).toBe('2027-03-24');
    expect(known({ jurisdiction: 'FL', incidentDate: '2023-03-25' }).limitation.deadline?.anniversary).toBe('2025-03-25');
    expect(known({ jurisdiction: 'FL', incidentDate: '2023-03-24' }).limitation.basis).toContain('former 4-year');
  });

  it('gives New York medical malpractice 2 years 6 months under CPLR 214-a, not the 3-year PI period', () => {
    const block = known({ jurisdiction: 'New York', claimKind: 'medical_malpractice', incidentDate: '2024-03-12' });
    expect(block.limitation.citation).toMatchObject({ cite: 'N.Y. CPLR 214-a', verified: 'partly' });
    expect(block.limitation).toMatchObject({ period: { years: 2, months: 6, days: 0 }, period_text: '2 years 6 months' });
    expect(block.limitation.deadline).toMatchObject({ anniversary: '2026-09-12', deadline: '2026-09-14', rolled_forward: true });
  });

  it('uses the earlier California med-mal limit and reports the 3-year outer limit', () => {
    const block = known({ claimKind: 'medical_malpractice', incidentDate: '2024-05-06' });
    expect(block.limitation.deadline?.deadline).toBe('2025-05-06');
    expect(block.limitation.outer_limit?.deadline?.deadline).toBe('2027-05-06');
  });

  it('flags minors tolling with its citation and keeps the untolled working deadline', () => {
    const block = known({ plaintiffAge: 8, isMinor: true });
    expect(block.limitation.minors).toMatchObject({ applies: 'yes', tolled_deadline_range: { earliest: '2035-07-05', latest: '2036-07-04' } });
    expect(block.limitation.minors.citations.map((c) => c.cite)).toEqual(['Cal. Code Civ. Proc. § 352']);
    expect(block.limitation.deadline?.deadline).toBe('2026-07-06');
  });

  it('does not toll a Florida minor\'s negligence claim', () => {
    const block = known({ jurisdiction: 'Florida', plaintiffAge: 10, incidentDate: '2024-06-01' });
    expect(block.limitation.minors.tolled_deadline_range).toBeNull();
    expect(block.limitation.minors.note).toContain('does not generally toll');
  });

  it('computes the New York 90-day notice of claim when a public party is named', () => {
    const block = known({ jurisdiction: 'NY', incidentDate: '2024-01-20', publicParties: ['City of New York'] });
    expect(block.government_claim).toMatchObject({ applies: 'yes', deadline: { anniversary: '2024-04-19', deadline: '2024-04-19' } });
  });
});

describe('jurisdictionRules: fault and caps', () => {
  it('applies Texas\'s 51% bar', () => {
    const rule = known({ jurisdiction: 'Texas' }).fault_rule;
    expect(rule).toMatchObject({ kind: 'modified', bar_above_percent: 50 });
    expect(rule.citation.cite).toBe('Tex. Civ. Prac. & Rem. Code §§ 33.001, 33.012, 33.013');
    expect(applyComparativeFault(rule, 50)).toMatchObject({ barred: false, recoveryFactor: 0.5 });
    expect(applyComparativeFault(rule, 51)).toMatchObject({ barred: true, recoveryFactor: 0 });
  });

  it('keeps California pure at any percentage', () => {
    expect(applyComparativeFault(known({}).fault_rule, 80)).toMatchObject({ barred: false, recoveryFactor: 0.2 });
  });

  it('keys Florida\'s bar to the filing date and exempts ch. 766 med-mal', () => {
    expect(known({ jurisdiction: 'FL' }).fault_rule).toMatchObject({ kind: 'modified', bar_above_percent: 50 });
    expect(known({ jurisdiction: 'FL', filedOn: '2023-03-01' }).fault_rule.kind).toBe('pure');
    expect(known({ jurisdiction: 'FL', claimKind: 'medical_malpractice' }).fault_rule.kind).toBe('pure');
  });

  it('notes New York CPLR 1411(b) for motor-vehicle cases', () => {
    const rule = known({ jurisdiction: 'NY', isMotorVehicle: true }).fault_rule;
    expect(rule.kind).toBe('pure');
    expect(rule.notes.join(' ')).toContain('1411(b)');
  });

  it('applies the Texas $250,000 med-mal non-economic cap and California MICRA for the year', () => {
    const tx = known({ jurisdiction: 'TX', claimKind: 'medical_malpractice' }).damages_caps.find((c) => c.kind === 'non_economic_medical_malpractice');
    expect(tx).toMatchObject({ applies: true, non_economic_limit: 250000 });
    const ca = known({ claimKind: 'medical_malpractice' }).damages_caps[0];
    expect(ca).toMatchObject({ applies: true, non_economic_limit: 430000, figures: { year: 2025, non_death: 430000, death: 600000 } });
    expect(micraCaps(2026)).toMatchObject({ nonDeath: 470000, death: 650000 });
    expect(micraCaps(2033)).toMatchObject({ nonDeath: 750000, death: 1000000 });
  });

  it('says Florida and Illinois med-mal caps were invalidated', () => {
    for (const jurisdiction of ['FL', 'IL']) {
      const cap = known({ jurisdiction, claimKind: 'medical_malpractice' }).damages_caps.find((c) => c.kind === 'non_economic_medical_malpractice');
      expect(cap).toMatchObject({ status: 'invalidated', applies: false, non_economic_limit: null });
    }
  });

  it('states the period even when the incident date is unknown', () => {
    const block = known({ jurisdiction: 'NY', incidentDate: null });
    expect(block.limitation).toMatchObject({ period_text: '3 years', deadline: null, incident_date: null });
    expect(block.limitation.notes[0]).toBe('Incident date unknown: no deadline can be computed until it is established.');
  });

  it('reports an unknown jurisdiction as unknown with no rules', () => {
    expect(jurisdictionRules({ ...base, jurisdiction: 'Wyoming' })).toMatchObject({ known: false, code: null, limitation: null, fault_rule: null });
  });

  it('gives the dog-bite regime of Illinois with the Animal Control Act', () => {
    const block = known({ jurisdiction: 'Illinois', isDogBite: true });
    expect(block.dog_bite?.citations.map((c) => c.cite)).toEqual(['510 ILCS 5/16 (Animal Control Act)', '510 ILCS 5/2.16']);
  });
});
