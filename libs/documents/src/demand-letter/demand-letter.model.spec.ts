import { describe, expect, it } from '@jest/globals';
import type { JsonValue } from '@themis/domain';
import { type DeaArtifact, isCuratedCitation } from '@themis/legal';
import { allFixturePacks, type FixturePack, fixturePack, matterPack } from '../testing/pack-fixtures.ts';
import { buildDemandLetter } from './demand-letter.model.ts';

const letterOf = (pack: FixturePack, letterDate = pack.input.letterDate) => buildDemandLetter({ matter: pack.matter, lda: pack.lda, dea: pack.dea, lsa: pack.lsa, letterDate });

/** Every citation of curated origin anywhere in the DEA artifact. */
function curatedCites(dea: DeaArtifact): Set<string> {
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      if (record.origin === 'curated' && typeof record.cite === 'string') found.add(record.cite);
      Object.values(record).forEach(walk);
    }
  };
  walk(dea);
  return found;
}

describe('buildDemandLetter', () => {
  it('itemises exactly the included LDA ledger lines, with a total equal to their sum', async () => {
    for (const pack of await allFixturePacks()) {
      const { damages } = letterOf(pack);
      const included = pack.lda.facts.damages.lines.filter((l) => l.included);
      expect(damages.lines).toEqual(included.map((l) => ({ description: l.description, source: l.source.label, amount: l.amount })));
      expect(damages.economicTotal).toBe(included.length === 0 ? null : included.reduce((sum, l) => sum + l.amount, 0));
      if (damages.economicTotal !== null) expect(damages.economicTotal).toBe(pack.lda.facts.damages.economic_total);
    }
  });

  it('keeps the sample matter\'s itemised bills out of the table when stated specials already include them', async () => {
    const { damages } = letterOf(await fixturePack('sample_matter.json'));
    expect(damages.lines.map((l) => [l.description, l.amount])).toEqual([['Economic specials as stated in the matter', 32000], ['Wage loss', 15200], ['Future medical expenses', 18000]]);
    expect(damages.economicTotal).toBe(65200);
    expect(damages.generals).toBe(90000);
  });

  it('prints only citations copied from the DEA artifact, all from the curated table', async () => {
    for (const pack of await allFixturePacks()) {
      const letter = letterOf(pack);
      const allowed = curatedCites(pack.dea);
      expect(letter.citations.length).toBeGreaterThan(0);
      for (const citation of letter.citations) {
        expect(allowed.has(citation)).toBe(true);
        expect(isCuratedCitation(citation)).toBe(true);
      }
    }
  });

  it('demands the LSA opening position: the client goal of $210,000 in the Lopez matter', async () => {
    const letter = letterOf(await fixturePack('nominal_collision_matter.json'));
    expect(letter.demand.amount).toBe(210000);
    expect(letter.demand.basis).toBe('the LSA opening position, based on the client settlement goal (above the top of the computed range)');
    expect(letter.recipient.greeting).toBe('Dear Claims Specialist for Coastal Delivery:');
  });

  it('marks a demand for the per-person policy limit', async () => {
    const letter = letterOf(await fixturePack('auto_collision_florida.json'));
    expect(letter.demand).toMatchObject({ amount: 100000, isPolicyLimitsDemand: true, policyLimits: { text: '$100,000 / $300,000', perPerson: 100000 } });
  });

  it('falls back to the top of the settlement range when the opening position is zero', async () => {
    const pack = await fixturePack('dog_bite_illinois.json');
    const positions = pack.lsa.strategy.negotiation_positions;
    const lsa = { ...pack.lsa, strategy: { ...pack.lsa.strategy, negotiation_positions: { ...positions, opening: { amount: 0, basis: 'none' } } } };
    const letter = buildDemandLetter({ ...pack, lsa, letterDate: '2025-06-01' });
    expect(letter.demand.amount).toBe(94500);
    expect(letter.demand.basis).toContain('top of the LSA settlement range');
  });

  it('gives no demand figure and names the gap when neither an opening nor a range exists', async () => {
    const pack = await fixturePack('dog_bite_illinois.json');
    const strategy = pack.lsa.strategy;
    const lsa = { ...pack.lsa, strategy: { ...strategy, negotiation_positions: { ...strategy.negotiation_positions, opening: { amount: 0, basis: 'none' } }, settlement_range: { ...strategy.settlement_range, range: { low: 0, high: 0 } } } };
    const letter = buildDemandLetter({ ...pack, lsa, letterDate: '2025-06-01' });
    expect(letter.demand.amount).toBeNull();
    expect(letter.missing).toContain('Demand amount: no figure can be computed, because the strategy has no opening position and its settlement range is empty (no economic damages are documented).');
  });

  it('addresses the adjuster, then defence counsel, then "Opposing Counsel" when the file names nobody', async () => {
    const rearEnd = await fixturePack('rear_end_collision_texas.json');
    expect(letterOf(rearEnd).recipient).toEqual({ name: 'Pamela Voss', lines: ['Pamela Voss', 'Lone Star Commercial Mutual', '[Mailing address]'], greeting: 'Dear Pamela Voss:' });
    const raw = rearEnd.matter as { matter: Record<string, JsonValue> };
    const uninsured = { matter: { ...raw.matter, insurance: [] } };
    expect(buildDemandLetter({ ...rearEnd, matter: uninsured, letterDate: '2025-06-01' }).recipient.lines).toEqual(['Hollis Shaw LLP', 'Counsel for Brazos Valley Freight, LLC', '[Mailing address]']);
    const sparse = letterOf(await fixturePack('edgecase_sparse_slip_and_fall.json'));
    expect(sparse.recipient).toEqual({ name: null, lines: ['[Recipient name]', '[Mailing address]'], greeting: 'Dear Opposing Counsel:' });
  });

  it('names what the sparse slip-and-fall file lacks and invents no specials', async () => {
    const letter = letterOf(await fixturePack('edgecase_sparse_slip_and_fall.json'));
    expect(letter.damages).toEqual({ lines: [], economicTotal: null, generals: null, punitive: null });
    expect(letter.injuries.providers).toEqual([]);
    expect(letter.missing).toEqual(expect.arrayContaining([
      'No medical records: Injuries are described, but no medical record, provider or dated treatment is in the file.',
      'No itemised medical bills: Injuries are described but no bill amounts are in the file.',
      'No economic damages figures: No specials, bills, wage loss or future medical amounts are stated.',
      'Listed in the file as outstanding: Need maintenance logs for the week preceding the fall.',
    ]));
    expect(letter.demand.amount).toBe(45000);
  });
});

describe('response deadline', () => {
  const sparse = (): Promise<FixturePack> => fixturePack('edgecase_sparse_slip_and_fall.json');

  it('is 30 days after the letter date, with no warning when the limitation deadline is far off', async () => {
    const { response } = letterOf(await sparse());
    expect(response.deadline).toBe('2025-07-01');
    expect(response.filingDeadlines).toEqual([{ label: 'limitation deadline', date: '2026-02-11', citation: 'Cal. Code Civ. Proc. § 335.1', daysAfterLetter: 255 }]);
    expect(response.warnings).toEqual([]);
  });

  it('warns when the limitation deadline is within 60 days of the letter', async () => {
    const { response } = letterOf(await sparse(), '2026-01-01');
    expect(response.deadline).toBe('2026-01-31');
    expect(response.warnings).toEqual(['The limitation deadline (February 11, 2026, Cal. Code Civ. Proc. § 335.1) is 41 days after the date of this letter, within 60 days: prepare to file; the response deadline does not extend it.']);
  });

  it('warns when the limitation deadline falls before the response deadline', async () => {
    const { response } = letterOf(await sparse(), '2026-01-20');
    expect(response.deadline).toBe('2026-02-19');
    expect(response.warnings[0]).toBe('The limitation deadline (February 11, 2026, Cal. Code Civ. Proc. § 335.1) falls on or before the February 19, 2026 response deadline: file suit or obtain a written tolling agreement before it; do not wait for a response.');
  });

  it('warns when the limitation deadline has already passed', async () => {
    const { response } = letterOf(await sparse(), '2026-03-01');
    expect(response.warnings[0]).toContain('passed 18 days before the date of this letter');
  });

  it('says the deadline could not be computed when the jurisdiction is unknown or the incident undated', async () => {
    const wyoming = letterOf(await matterPack({ summary: 'Zoe Park was hit by a delivery van.', parties: ['Zoe Park', 'Acme Freight LLC'], metadata: { jurisdiction: 'Wyoming' } }));
    expect(wyoming.liability.faultRule).toBeNull();
    expect(wyoming.response.warnings[0]).toMatch(/^The limitation deadline could not be computed because the jurisdiction is unknown/);
    expect(wyoming.missing.some((m) => m.startsWith('Jurisdiction: '))).toBe(true);
    expect(wyoming.facts.incidentDate).toBeNull();
    expect(wyoming.missing.some((m) => m.startsWith('Incident date missing: '))).toBe(true);
  });
});
