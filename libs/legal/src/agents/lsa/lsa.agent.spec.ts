import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import type { JsonValue } from '@themis/domain';
import { recordingLlm, SPEC_NOW } from '../../testing/recording-llm.ts';
import { createLsaAgent } from './lsa.agent.ts';
import { type LsaArtifact, lsaArtifactSchema } from './lsa.schema.ts';

const fixture = (name: string): Record<string, JsonValue> => (JSON.parse(readFileSync(new URL(`../../../../testing/fixtures/${name}`, import.meta.url), 'utf8')) as { matter: Record<string, JsonValue> }).matter;

async function run(matter: JsonValue, now = SPEC_NOW): Promise<LsaArtifact> {
  const { llm } = recordingLlm();
  const output = await createLsaAgent()({ matter, inputs: {} }, { llm, now });
  expect(output.llmCalls.map((c) => c.purpose)).toEqual(['theory_of_the_case', 'client_safe_summary']);
  return lsaArtifactSchema.parse(output.artifact);
}

describe('LSA: settlement range', () => {
  it('reduces by 20% plaintiff fault and bounds by the $100,000 per-person limit (Florida auto)', async () => {
    const range = (await run(fixture('auto_collision_florida.json'))).strategy.settlement_range;
    expect(range).toMatchObject({
      economic_basis: 43550,
      severity: 'moderate',
      multiplier_band: { low: 2, high: 3.5 },
      gross_range: { low: 87100, high: 152425 },
      comparative_fault: { plaintiff_percent: 20, barred: false, recovery_factor: 0.8 },
      policy_limits: { per_person: 100000, per_occurrence: 300000 },
      bounded_by_policy_limits: true,
      range: { low: 69680, high: 100000 },
    });
  });

  it('gives zero under the Texas bar when the plaintiff is 60% at fault', async () => {
    const matter = { ...fixture('rear_end_collision_texas.json'), fault_allocation: { plaintiff: 60 } };
    const artifact = await run(matter);
    expect(artifact.strategy.settlement_range.range).toEqual({ low: 0, high: 0 });
    expect(artifact.strategy.risk_assessment.risks).toContainEqual(expect.objectContaining({ risk: 'Recovery barred by plaintiff fault', severity: 'high' }));
  });

  it('applies the Texas med-mal non-economic cap', async () => {
    const range = (await run(fixture('medical_malpractice_texas.json'))).strategy.settlement_range;
    expect(range).toMatchObject({ economic_basis: 210000, severity: 'severe', cap: { applied: true, non_economic_limit: 250000 }, range: { low: 460000, high: 460000 } });
  });
});

describe('LSA: risks and plan', () => {
  it('flags a limitation deadline within 180 days and recommends a complaint inside 90 days', async () => {
    const artifact = await run(fixture('nominal_collision_matter.json'), new Date('2026-02-01T00:00:00Z'));
    expect(artifact.strategy.risk_assessment.risks[0]).toMatchObject({ risk: 'Limitation deadline within 180 days', severity: 'high', basis: 'The deadline is 2026-04-20 (Cal. Code Civ. Proc. § 335.1), 78 days away.' });
    expect(artifact.draft).toMatchObject({ risk_level: 'high', recommended_document_type: 'complaint' });
  });

  it('keeps the client goals in the negotiation plan and the matter\'s weaknesses', async () => {
    const artifact = await run(fixture('nominal_collision_matter.json'));
    expect(artifact.strategy.negotiation_positions).toMatchObject({ target: { amount: 210000, basis: 'client settlement goal' }, walk_away: { amount: 160000, basis: 'client fallback' } });
    expect(artifact.strategy.weaknesses[0]).toEqual({ point: 'Client missed two physical therapy sessions in May.', source: 'matter' });
    expect(artifact.draft.client_safe_summary).toContain('settlement range of $104,000 to $182,000');
    expect(artifact.draft.client_safe_summary).toContain('72%');
  });

  it('names the missing records for the sparse slip-and-fall instead of valuing it', async () => {
    const artifact = await run(fixture('edgecase_sparse_slip_and_fall.json'));
    expect(artifact.strategy.settlement_range.range).toEqual({ low: 0, high: 0 });
    expect(artifact.draft.risk_level).toBe('high');
    expect(artifact.strategy.recommended_actions).toEqual(expect.arrayContaining([
      'Close the gap: No medical records — Injuries are described, but no medical record, provider or dated treatment is in the file.',
      'Client-listed gap: Need maintenance logs for the week preceding the fall.',
    ]));
    expect(artifact.draft.client_safe_summary).toContain('We cannot estimate a settlement range yet');
  });
});
