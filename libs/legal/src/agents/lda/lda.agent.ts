import { normalizeMatter } from '../../matter/matter.normalize.ts';
import { isoDateOf } from '../../time/calendar.ts';
import type { AgentRunner } from '../agent.ts';
import { ProseWriter } from '../shared/prose.ts';
import { checkArtifact, ToolLog } from '../shared/tool.ts';
import { computeFacts, ldaUnresolved } from './lda.facts.ts';
import { OVERVIEW_INSTRUCTIONS, overviewDraft } from './lda.overview.ts';
import { ldaArtifactSchema } from './lda.schema.ts';
import { defaultLdaTools, type LdaTools } from './lda.tools.ts';

export interface LdaAgentOptions {
  readonly tools?: Partial<LdaTools>;
}

export const LDA_ENGINE = 'themis-lda-offline/1';

/** The legal data analyst: parties, timeline, incident date, injuries, damages ledger, evidence gaps. */
export function createLdaAgent(options: LdaAgentOptions = {}): AgentRunner {
  const tools: LdaTools = { ...defaultLdaTools, ...options.tools };
  return async (input, context) => {
    const matter = normalizeMatter(input.matter);
    const log = new ToolLog();
    const facts = await computeFacts(matter, context.now, tools, log);
    const prose = new ProseWriter(context.llm, 'lda');
    const overviewFacts = { matter: facts.matter, incident: facts.incident, plaintiff: facts.plaintiff, defendants: facts.defendants, damages: { economic_total: facts.damages.economic_total, totals_by_category: facts.damages.totals_by_category }, evidence_gaps: facts.evidence_gaps };
    const overview = await prose.write('matter_overview', OVERVIEW_INSTRUCTIONS, overviewFacts, overviewDraft(facts));
    const artifact = checkArtifact('lda', ldaArtifactSchema, {
      agent: 'lda',
      facts: { matter_overview: overview, ...facts },
      provenance: { engine: LDA_ENGINE, tools_used: log.used, tool_rounds: log.rounds, llm_purposes: prose.purposes, inputs: ['matter'], as_of: isoDateOf(context.now) },
      unresolved_issues: ldaUnresolved(matter, facts, facts.parties),
    });
    return { artifact, llmCalls: prose.calls };
  };
}
