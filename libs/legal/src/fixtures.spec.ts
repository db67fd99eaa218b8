import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import type { JsonValue } from '@themis/domain';
import { type DeaArtifact, deaArtifactSchema } from './agents/dea/dea.schema.ts';
import { type LdaArtifact, ldaArtifactSchema } from './agents/lda/lda.schema.ts';
import { type LsaArtifact, lsaArtifactSchema } from './agents/lsa/lsa.schema.ts';
import { createAgentRunners } from './runners.ts';
import { parseMatterText } from './matter/matter.parse.ts';
import { validateMatter } from './matter/matter.validate.ts';
import { isCuratedCitation } from './rules/authorities.ts';
import { recordingLlm, SPEC_NOW } from './testing/recording-llm.ts';

/**
 * The compatibility set (nine upstream fixtures) and Themis's own, run through LDA → DEA → LSA
 * as the pi-demand plan runs them, with the clock at 2025-06-01. Expected values are worked
 * out by hand from each file: incident date, the sum of the included ledger lines, the
 * anniversary deadline rolled off weekends, the state's fault rule and the issues found.
 */
interface Expected {
  readonly incident: string | null;
  readonly economic: number;
  readonly deadline: string;
  readonly fault: ['pure' | 'modified', string];
  readonly issues: readonly string[];
}

const CA_FAULT: Expected['fault'] = ['pure', 'Li v. Yellow Cab Co., 13 Cal. 3d 804 (1975)'];
const NY_FAULT: Expected['fault'] = ['pure', 'N.Y. CPLR 1411(a)-(b)'];
const TX_FAULT: Expected['fault'] = ['modified', 'Tex. Civ. Prac. & Rem. Code §§ 33.001, 33.012, 33.013'];
const FL_FAULT: Expected['fault'] = ['modified', 'Fla. Stat. § 768.81(6) (added by s. 9, ch. 2023-15)'];
const IL_FAULT: Expected['fault'] = ['modified', '735 ILCS 5/2-1116'];

const EXPECTED: Readonly<Record<string, Expected>> = {
  // Upstream compatibility set.
  'nominal_collision_matter.json': { incident: '2024-04-18', economic: 52000, deadline: '2026-04-20', fault: CA_FAULT, issues: ['motor_vehicle_negligence'] },
  'sample_matter.json': { incident: '2024-03-14', economic: 65200, deadline: '2026-03-16', fault: CA_FAULT, issues: ['motor_vehicle_negligence', 'rear_end_collision'] },
  'sample_matter.yaml': { incident: '2024-03-14', economic: 32000, deadline: '2026-03-16', fault: CA_FAULT, issues: ['motor_vehicle_negligence', 'rear_end_collision'] },
  'edgecase_sparse_slip_and_fall.json': { incident: '2024-02-11', economic: 0, deadline: '2026-02-11', fault: CA_FAULT, issues: ['premises_liability'] },
  'dog_bite_california.json': { incident: '2024-07-04', economic: 95000, deadline: '2026-07-06', fault: CA_FAULT, issues: ['dog_bite'] },
  'medical_malpractice_new_york.json': { incident: '2024-03-12', economic: 425000, deadline: '2026-09-14', fault: NY_FAULT, issues: ['medical_malpractice'] },
  'premises_liability_texas.json': { incident: '2024-09-08', economic: 145000, deadline: '2026-09-08', fault: TX_FAULT, issues: ['premises_liability'] },
  'product_liability_florida.json': { incident: '2024-06-20', economic: 625000, deadline: '2026-06-22', fault: FL_FAULT, issues: ['motor_vehicle_negligence', 'product_manufacturing_defect', 'product_failure_to_warn'] },
  'workplace_injury_illinois.json': { incident: '2024-10-05', economic: 520000, deadline: '2026-10-05', fault: IL_FAULT, issues: ['workplace_third_party'] },
  // Themis fixtures.
  'rear_end_collision_texas.json': { incident: '2025-01-18', economic: 41350, deadline: '2027-01-18', fault: TX_FAULT, issues: ['motor_vehicle_negligence', 'rear_end_collision'] },
  'dog_bite_illinois.json': { incident: '2025-05-17', economic: 18900, deadline: '2027-05-17', fault: IL_FAULT, issues: ['dog_bite'] },
  'slip_and_fall_new_york.json': { incident: '2024-01-20', economic: 38500, deadline: '2027-01-20', fault: NY_FAULT, issues: ['premises_liability'] },
  'auto_collision_florida.json': { incident: '2024-08-22', economic: 43550, deadline: '2026-08-24', fault: FL_FAULT, issues: ['motor_vehicle_negligence'] },
  'medical_malpractice_texas.json': { incident: '2024-05-06', economic: 210000, deadline: '2026-05-06', fault: TX_FAULT, issues: ['medical_malpractice'] },
};

const fixturesDir = new URL('../../testing/fixtures/', import.meta.url);
const load = (name: string): JsonValue => parseMatterText(readFileSync(new URL(name, fixturesDir), 'utf8'), name.endsWith('.json') ? 'json' : 'yaml') as JsonValue;

interface Run {
  readonly lda: LdaArtifact;
  readonly dea: DeaArtifact;
  readonly lsa: LsaArtifact;
  readonly raw: JsonValue;
}

const runs = new Map<string, Promise<Run>>();
function runFixture(name: string): Promise<Run> {
  const cached = runs.get(name);
  if (cached !== undefined) return cached;
  const run = (async (): Promise<Run> => {
    const matter = load(name);
    const runners = createAgentRunners();
    const context = { llm: recordingLlm().llm, now: SPEC_NOW };
    const lda = await runners.lda({ matter, inputs: {} }, context);
    const dea = await runners.dea({ matter, inputs: { lda: lda.artifact } }, context);
    const lsa = await runners.lsa({ matter, inputs: { lda: lda.artifact, dea: dea.artifact } }, context);
    return { lda: ldaArtifactSchema.parse(lda.artifact), dea: deaArtifactSchema.parse(dea.artifact), lsa: lsaArtifactSchema.parse(lsa.artifact), raw: matter };
  })();
  runs.set(name, run);
  return run;
}

/** Every citation-bearing value in an artifact that is not marked as the client's own. */
function citationsIn(value: JsonValue, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => citationsIn(item, found));
  else if (typeof value === 'object' && value !== null) {
    if (value.origin !== 'client_supplied') {
      for (const key of ['cite', 'citation']) if (typeof value[key] === 'string') found.push(value[key]);
      for (const key of ['controlling_authorities', 'contrary_authorities']) if (Array.isArray(value[key])) found.push(...value[key].filter((c): c is string => typeof c === 'string'));
      Object.values(value).forEach((child) => citationsIn(child, found));
    }
  }
  return found;
}

const stringsIn = (value: JsonValue): string[] => (typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(stringsIn) : typeof value === 'object' && value !== null ? Object.values(value).flatMap(stringsIn) : []);

describe('fixtures', () => {
  it('covers every fixture file, and every file validates', () => {
    const files = readdirSync(fixturesDir).filter((name) => /\.(json|ya?ml)$/.test(name)).sort();
    expect(files).toEqual(Object.keys(EXPECTED).sort());
    for (const file of files) expect(validateMatter(load(file))).toEqual({ ok: true });
  });

  describe.each(Object.entries(EXPECTED))('%s', (name, expected) => {
    it('establishes the incident date', async () => {
      expect((await runFixture(name)).lda.facts.incident.date).toBe(expected.incident);
    });

    it('totals economic damages as the sum of the included ledger lines', async () => {
      const { damages } = (await runFixture(name)).lda.facts;
      expect(damages.economic_total).toBe(expected.economic);
      expect(damages.lines.filter((line) => line.included).reduce((sum, line) => sum + line.amount, 0)).toBe(expected.economic);
      expect(damages.totals_by_category.reduce((sum, c) => sum + c.total, 0)).toBe(expected.economic);
    });

    it('computes the limitation deadline from the incident, rolled off weekends', async () => {
      const { jurisdiction } = (await runFixture(name)).dea;
      if (!jurisdiction.known) throw new Error(`${name}: jurisdiction unexpectedly unknown`);
      const deadline = jurisdiction.limitation.deadline;
      expect(deadline?.start).toBe(expected.incident);
      expect(deadline?.deadline).toBe(expected.deadline);
      expect(deadline?.rolled_forward).toBe(deadline?.anniversary !== expected.deadline);
      expect(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']).toContain(deadline?.weekday);
    });

    it('applies the state\'s fault rule', async () => {
      const { jurisdiction } = (await runFixture(name)).dea;
      if (!jurisdiction.known) throw new Error(`${name}: jurisdiction unexpectedly unknown`);
      expect([jurisdiction.fault_rule.kind, jurisdiction.fault_rule.citation.cite]).toEqual(expected.fault);
    });

    it('finds the issues', async () => {
      expect((await runFixture(name)).dea.legal_analysis.issues.map((i) => i.id)).toEqual(expected.issues);
    });

    it('cites only authorities from the curated table', async () => {
      const run = await runFixture(name);
      const citations = [...citationsIn(run.lda), ...citationsIn(run.dea), ...citationsIn(run.lsa)];
      expect(citations.length).toBeGreaterThan(0);
      expect(citations.filter((c) => !isCuratedCitation(c))).toEqual([]);
    });

    it('supports every element only with facts taken verbatim from the matter', async () => {
      const run = await runFixture(name);
      const matterText = stringsIn(run.raw).join('\n');
      const used = run.dea.legal_analysis.issues.flatMap((i) => i.elements.flatMap((e) => e.facts.map((f) => f.text)));
      expect(used.filter((text) => !matterText.includes(text))).toEqual([]);
    });
  });

  it('Texas rear-end: the deadline is Martin Luther King Jr. Day, flagged rather than moved', async () => {
    const { jurisdiction } = (await runFixture('rear_end_collision_texas.json')).dea;
    if (!jurisdiction.known) throw new Error('expected Texas');
    expect(jurisdiction.limitation.deadline?.holiday_warnings[0]).toContain('2027-01-18 is Birthday of Martin Luther King, Jr.');
    expect(jurisdiction.limitation.computation_citations.map((c) => c.cite)).toContain('Frasier v. Shafeeq, No. 02-21-00010-CV (Tex. App.—Fort Worth 17 Feb 2022)');
  });

  it('Florida auto accruing after 2023-03-24 gets the 2-year period, not the old 4 years', async () => {
    const { jurisdiction } = (await runFixture('auto_collision_florida.json')).dea;
    if (!jurisdiction.known) throw new Error('expected Florida');
    expect(jurisdiction.limitation.deadline?.period).toEqual({ years: 2, months: 0, days: 0 });
    expect(jurisdiction.limitation.citation.cite).toBe('Fla. Stat. § 95.11(4)(a) (as amended by ch. 2023-15)');
  });

  it('the sparse slip-and-fall names what is missing instead of inventing facts', async () => {
    const { lda, lsa } = await runFixture('edgecase_sparse_slip_and_fall.json');
    expect(lda.facts.evidence_gaps.map((g) => g.gap)).toEqual(['No medical records', 'No itemised medical bills', 'No economic damages figures', 'Liability coverage unknown']);
    expect(lda.facts.client_listed_gaps).toEqual(['Need maintenance logs for the week preceding the fall.']);
    expect(lda.facts.treating_providers).toEqual([]);
    expect(lda.facts.injuries).toEqual([]);
    expect(lda.facts.damages.lines).toEqual([]);
    expect(lda.facts.timeline.map((t) => [t.date, t.source.path])).toEqual([['2024-02-11', 'documents.0'], ['2024-02-11', 'summary']]);
    expect(lsa.strategy.settlement_range.range).toEqual({ low: 0, high: 0 });
  });
});
