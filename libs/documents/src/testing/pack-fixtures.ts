import { readdirSync, readFileSync } from 'node:fs';
import type { JsonValue } from '@themis/domain';
import { type AgentLlm, createAgentRunners, type DeaArtifact, deaArtifactSchema, type LdaArtifact, ldaArtifactSchema, type LsaArtifact, lsaArtifactSchema, parseMatterText } from '@themis/legal';
import type { DemandPackInput } from '../demand-pack.ts';

/** The clock the agents run with and the date the letters carry: 2024 incidents then have open deadlines. */
export const FIXTURE_NOW = new Date('2025-06-01T12:00:00Z');
export const FIXTURE_LETTER_DATE = '2025-06-01';

const fixturesDir = new URL('../../../testing/fixtures/', import.meta.url);
export const fixtureNames: readonly string[] = readdirSync(fixturesDir).filter((name) => /\.(json|ya?ml)$/.test(name)).sort();

/** The offline provider's behaviour without depending on libs/llm: the engine's draft, at zero cost. */
const draftLlm: AgentLlm = {
  write: (request) =>
    Promise.resolve({
      text: request.draft,
      call: { provider: 'test', model: 'draft', purpose: request.purpose, promptHash: 'test', inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0, durationMs: 0 },
    }),
};

export interface FixturePack {
  readonly name: string;
  readonly matter: JsonValue;
  readonly lda: LdaArtifact;
  readonly dea: DeaArtifact;
  readonly lsa: LsaArtifact;
  /** The pack input as the plan passes it: artifacts keyed by step id, found by their `agent` field. */
  readonly input: DemandPackInput;
}

/** LDA → DEA (inputs {lda}) → LSA (inputs {lda, dea}), as the pi-demand plan runs them. */
export async function matterPack(matter: JsonValue, name = 'test matter', letterDate = FIXTURE_LETTER_DATE): Promise<FixturePack> {
  const runners = createAgentRunners();
  const context = { llm: draftLlm, now: FIXTURE_NOW };
  const lda = (await runners.lda({ matter, inputs: {} }, context)).artifact;
  const dea = (await runners.dea({ matter, inputs: { lda } }, context)).artifact;
  const lsa = (await runners.lsa({ matter, inputs: { lda, dea } }, context)).artifact;
  return {
    name,
    matter,
    lda: ldaArtifactSchema.parse(lda),
    dea: deaArtifactSchema.parse(dea),
    lsa: lsaArtifactSchema.parse(lsa),
    input: { planId: `plan-${name}`, matter, artifacts: { 'facts-step': lda, 'law-step': dea, 'strategy-step': lsa }, letterDate },
  };
}

const cache = new Map<string, Promise<FixturePack>>();

/** A fixture from libs/testing/fixtures run through the agents, once per test file. */
export function fixturePack(name: string): Promise<FixturePack> {
  const cached = cache.get(name) ?? matterPack(parseMatterText(readFileSync(new URL(name, fixturesDir), 'utf8'), name.endsWith('.json') ? 'json' : 'yaml') as JsonValue, name);
  cache.set(name, cached);
  return cached;
}

/** Every fixture's pack, in file-name order. */
export const allFixturePacks = (): Promise<FixturePack[]> => Promise.all(fixtureNames.map(fixturePack));
