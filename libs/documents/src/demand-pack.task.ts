import { type JsonValue, validationError } from '@themis/domain';
import { type AgentContext, type AgentInput, type AgentOutput, type AgentRunner, DEMAND_PACK_TASK } from '@themis/legal';
import { buildDemandLetter, type DemandLetter } from './demand-letter/demand-letter.model.ts';
import { documentNames } from './document-names.ts';
import { MissingArtifactError } from './missing-artifact.error.ts';
import { requireArtifact } from './pack-artifacts.ts';

export const DEMAND_PACK_ENGINE = 'themis-demand-pack-1';

/**
 * The assembly step (the LSA's `assemble_demand_pack` task): drafts the demand letter from the
 * three artifacts, dated the day it runs. The letter is recorded as the step's artifact, so the
 * documents served later are renderings of exactly what the history holds.
 */
export const assembleDemandPack: AgentRunner = (input, context) => Promise.resolve().then(() => assemble(input, context));

function assemble(input: AgentInput, context: AgentContext): AgentOutput {
  const letterDate = context.now.toISOString().slice(0, 10);
  let letter: DemandLetter;
  try {
    letter = buildDemandLetter({
      matter: input.matter,
      lda: requireArtifact(input.inputs, 'lda', 'demand-letter.md'),
      dea: requireArtifact(input.inputs, 'dea', 'demand-letter.md'),
      lsa: requireArtifact(input.inputs, 'lsa', 'demand-letter.md'),
      letterDate,
    });
  } catch (error) {
    // Missing input will be missing on every retry: fail the step at once.
    if (error instanceof MissingArtifactError) throw validationError('missing_artifact', error.message);
    throw error;
  }
  const artifact = {
    agent: 'lsa',
    task: DEMAND_PACK_TASK,
    letter_date: letterDate,
    documents: [...documentNames],
    demand_letter: letter,
    provenance: { engine: DEMAND_PACK_ENGINE, inputs: Object.keys(input.inputs).sort() },
    unresolved_issues: [...letter.missing],
  };
  return { artifact: JSON.parse(JSON.stringify(artifact)) as JsonValue, llmCalls: [] };
};

/** The letter the assembly step recorded, if the plan has one. */
export function recordedLetter(artifacts: Readonly<Record<string, JsonValue>>): DemandLetter | undefined {
  for (const value of Object.values(artifacts)) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || value.task !== DEMAND_PACK_TASK) continue;
    const letter = value.demand_letter;
    if (typeof letter === 'object' && letter !== null && !Array.isArray(letter) && typeof letter.letterDate === 'string') return letter as unknown as DemandLetter;
  }
  return undefined;
}
