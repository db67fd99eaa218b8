import type { StepSpec } from '@themis/domain';

export interface PlanTemplate {
  readonly name: string;
  readonly description: string;
  readonly steps: readonly StepSpec[];
}

/** The personal-injury demand pack: facts, then law, then strategy built on both. */
export const piDemandTemplate: PlanTemplate = {
  name: 'pi-demand',
  description: 'Personal-injury demand: facts and damages (LDA), issues and jurisdiction rules (DEA), strategy and settlement range (LSA).',
  steps: [
    { id: 'lda', agent: 'lda', dependsOn: [], description: 'Parties, timeline, injuries and providers, damages ledger, evidence gaps.' },
    { id: 'dea', agent: 'dea', dependsOn: ['lda'], description: 'Issues from the fact pattern, elements, authorities, limitation deadline, fault rule, caps.' },
    { id: 'lsa', agent: 'lsa', dependsOn: ['lda', 'dea'], description: 'Theory of the case, strengths and weaknesses, settlement range, negotiation plan, risks.' },
  ],
};

export const planTemplates: Readonly<Record<string, PlanTemplate>> = { [piDemandTemplate.name]: piDemandTemplate };
