import { normalizeMatter } from '../../matter/matter.normalize.ts';
import { isoDateOf } from '../../time/calendar.ts';
import type { AgentRunner } from '../agent.ts';
import { ProseWriter } from '../shared/prose.ts';
import { checkArtifact, ToolLog } from '../shared/tool.ts';
import { resolveLdaFacts } from '../shared/upstream.ts';
import { ANALYSIS_INSTRUCTIONS, analysisDraft } from './dea.analysis.ts';
import { computeLegalAnalysis, deaUnresolved } from './dea.core.ts';
import { deaArtifactSchema } from './dea.schema.ts';
import { defaultDeaTools, type DeaTools } from './dea.tools.ts';

export interface DeaAgentOptions {
  readonly tools?: Partial<DeaTools>;
}

export const DEA_ENGINE = 'themis-dea-offline/1';

/** The doctrinal expert: issues and elements, jurisdiction rules with citations, authorities. */
export function createDeaAgent(options: DeaAgentOptions = {}): AgentRunner {
  const tools: DeaTools = { ...defaultDeaTools, ...options.tools };
  return async (input, context) => {
    const matter = normalizeMatter(input.matter);
    const log = new ToolLog();
    const facts = await resolveLdaFacts(input.inputs, matter, context.now, log);
    const core = await computeLegalAnalysis(matter, facts.value, context.now, tools, log);
    const prose = new ProseWriter(context.llm, 'dea');
    const partly = core.legal_analysis.authorities.filter((a) => a.verified !== 'yes').map((a) => a.cite);
    const unverifiedClient = core.legal_analysis.client_authorities.filter((a) => !a.in_curated_table).length;
    const analysis = await prose.write(
      'legal_analysis',
      ANALYSIS_INSTRUCTIONS,
      { issues: core.legal_analysis.issues, jurisdiction: core.jurisdiction, authorities: core.legal_analysis.authorities },
      analysisDraft(core.legal_analysis.issues, core.jurisdiction, partly, unverifiedClient),
    );
    const { selection: _selection, ...rest } = core;
    const artifact = checkArtifact('dea', deaArtifactSchema, {
      agent: 'dea',
      ...rest,
      legal_analysis: { ...core.legal_analysis, analysis },
      provenance: { engine: DEA_ENGINE, tools_used: log.used, tool_rounds: log.rounds, llm_purposes: prose.purposes, inputs: ['matter', facts.inputNote], as_of: isoDateOf(context.now) },
      unresolved_issues: [...(facts.computedHere ? ['No LDA artifact was given: the facts were computed from the matter by this step.'] : []), ...deaUnresolved(core)],
    });
    return { artifact, llmCalls: prose.calls };
  };
}
