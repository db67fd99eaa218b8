import type { StepSpec } from '@themis/domain';

export interface PlanTemplate {
  readonly name: string;
  readonly description: string;
  readonly steps: readonly StepSpec[];
}

/** The LSA task that drafts the demand letter; its implementation comes from the documents library. */
export const DEMAND_PACK_TASK = 'assemble_demand_pack';

/** The personal-injury demand pack: facts, then law, then strategy built on both, then the letter. */
export const piDemandTemplate: PlanTemplate = {
  name: 'pi-demand',
  description:
    'Personal-injury demand: facts and damages (LDA), issues and jurisdiction rules (DEA), strategy and settlement range (LSA), then the demand pack (assembly).',
  steps: [
    { id: 'lda', agent: 'lda', dependsOn: [], description: 'Parties, timeline, injuries and providers, damages ledger, evidence gaps.' },
    { id: 'dea', agent: 'dea', dependsOn: ['lda'], description: 'Issues from the fact pattern, elements, authorities, limitation deadline, fault rule, caps.' },
    { id: 'lsa', agent: 'lsa', dependsOn: ['lda', 'dea'], description: 'Theory of the case, strengths and weaknesses, settlement range, negotiation plan, risks.' },
    {
      id: 'assembly',
      agent: 'lsa',
      task: DEMAND_PACK_TASK,
      dependsOn: ['lda', 'dea', 'lsa'],
      description: 'The demand pack: the demand letter drafted from the three artifacts, and the timeline.',
    },
  ],
};

/** The analysis alone, without the demand pack. */
export const piAnalysisTemplate: PlanTemplate = {
  name: 'pi-analysis',
  description: 'Personal-injury analysis: facts and damages (LDA), issues and jurisdiction rules (DEA), strategy and settlement range (LSA).',
  steps: piDemandTemplate.steps.filter((step) => step.id !== 'assembly'),
};

export const planTemplates: Readonly<Record<string, PlanTemplate>> = {
  [piDemandTemplate.name]: piDemandTemplate,
  [piAnalysisTemplate.name]: piAnalysisTemplate,
};
