import { describe, expect, it } from '@jest/globals';
import { isDomainError, type JsonValue } from '@themis/domain';
import { DEMAND_PACK_TASK } from '@themis/legal';
import { renderDocument } from './demand-pack.ts';
import { assembleDemandPack, recordedLetter } from './demand-pack.task.ts';
import { FIXTURE_NOW, fixturePack } from './testing/pack-fixtures.ts';

const llm = { write: () => Promise.reject(new Error('the assembly calls no model')) };

describe('the assembly step (assemble_demand_pack)', () => {
  it('records the letter drafted from the three artifacts, dated the day it runs', async () => {
    const pack = await fixturePack('nominal_collision_matter.json');
    const { artifact, llmCalls } = await assembleDemandPack({ matter: pack.matter, inputs: pack.input.artifacts, task: DEMAND_PACK_TASK }, { llm, now: FIXTURE_NOW });
    expect(llmCalls).toEqual([]);
    expect(artifact).toMatchObject({ agent: 'lsa', task: DEMAND_PACK_TASK, letter_date: '2025-06-01', documents: ['timeline.csv', 'demand-letter.md', 'demand-letter.docx', 'demand-letter.pdf'] });
    const letter = recordedLetter({ assembly: artifact });
    expect(letter?.letterDate).toBe('2025-06-01');
    expect(letter?.damages.economicTotal).toBe(52_000);
  });

  it('renders the documents from the recorded letter, whatever date the caller passes', async () => {
    const pack = await fixturePack('nominal_collision_matter.json');
    const { artifact } = await assembleDemandPack({ matter: pack.matter, inputs: pack.input.artifacts }, { llm, now: FIXTURE_NOW });
    const artifacts: Record<string, JsonValue> = { ...pack.input.artifacts, assembly: artifact };
    const recorded = await renderDocument('demand-letter.md', { ...pack.input, artifacts, letterDate: '2031-01-01' });
    const text = recorded.body.toString('utf8');
    expect(text).toContain('June 1, 2025');
    expect(text).not.toContain('2031');
  });

  it('fails for good (a validation error) when an artifact it needs is missing', async () => {
    const pack = await fixturePack('nominal_collision_matter.json');
    const { lsa: _dropped, ...withoutLsa } = Object.fromEntries(Object.values(pack.input.artifacts).map((value) => [(value as { agent: string }).agent, value]));
    const failure = await assembleDemandPack({ matter: pack.matter, inputs: withoutLsa }, { llm, now: FIXTURE_NOW }).catch((error: unknown) => error);
    expect(isDomainError(failure) && failure.kind === 'validation' && failure.code === 'missing_artifact').toBe(true);
  });
});
