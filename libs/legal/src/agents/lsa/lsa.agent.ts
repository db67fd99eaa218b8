import { normalizeMatter } from '../../matter/matter.normalize.ts';
import { isoDateOf } from '../../time/calendar.ts';
import type { AgentRunner } from '../agent.ts';
import { faultIndicators } from '../shared/fault-indicators.ts';
import { ProseWriter } from '../shared/prose.ts';
import { checkArtifact, runTool, ToolLog } from '../shared/tool.ts';
import { resolveLdaFacts, resolveLegalView } from '../shared/upstream.ts';
import { CLIENT_SUMMARY_INSTRUCTIONS, clientSummaryDraft, THEORY_INSTRUCTIONS, theoryDraft } from './lsa.prose.ts';
import { lsaArtifactSchema } from './lsa.schema.ts';
import { defaultLsaTools, type LsaTools } from './lsa.tools.ts';
import { lsaInputs } from './lsa.inputs.ts';

export interface LsaAgentOptions {
  readonly tools?: Partial<LsaTools>;
}

export const LSA_ENGINE = 'themis-lsa-offline/1';

/** The legal strategist: theory, strengths and weaknesses, settlement range, negotiation plan, risks, next actions. */
export function createLsaAgent(options: LsaAgentOptions = {}): AgentRunner {
  const tools: LsaTools = { ...defaultLsaTools, ...options.tools };
  return async (input, context) => {
    const matter = normalizeMatter(input.matter);
    const log = new ToolLog();
    const facts = await resolveLdaFacts(input.inputs, matter, context.now, log);
    const legal = await resolveLegalView(input.inputs, matter, facts.value, context.now, log);
    const fault = faultIndicators(matter);
    const build = lsaInputs(matter, facts.value, legal.value, fault);
    const assessment = await runTool('lsa', tools.assess_case, build.assessCase, log);
    const valuation = await runTool('lsa', tools.value_case, build.valueCase, log);
    const negotiation = await runTool('lsa', tools.plan_negotiation, build.negotiation(valuation), log);
    const risks = await runTool('lsa', tools.assess_risks, build.risks(valuation), log);
    const actions = await runTool('lsa', tools.plan_next_actions, build.nextActions, log);
    const prose = new ProseWriter(context.llm, 'lsa');
    const theory = await prose.write('theory_of_the_case', THEORY_INSTRUCTIONS, { issues: [...legal.value.issues], incident: facts.value.incident, parties: facts.value.parties }, theoryDraft(facts.value, legal.value));
    const summary = await prose.write('client_safe_summary', CLIENT_SUMMARY_INSTRUCTIONS, { valuation, risk_level: risks.risk_level, next_steps: actions.recommended_actions }, clientSummaryDraft(facts.value, valuation, risks, actions, matter.confidenceScore));
    const artifact = checkArtifact('lsa', lsaArtifactSchema, {
      agent: 'lsa',
      strategy: {
        theory_of_the_case: theory,
        strengths: assessment.strengths,
        weaknesses: assessment.weaknesses,
        settlement_range: valuation,
        negotiation_positions: negotiation,
        recommended_actions: actions.recommended_actions,
        contingencies: actions.contingencies,
        risk_assessment: risks,
      },
      draft: { client_safe_summary: summary, next_steps: actions.recommended_actions, risk_level: risks.risk_level, recommended_document_type: actions.recommended_document_type, document_type_reasoning: actions.document_type_reasoning },
      provenance: { engine: LSA_ENGINE, tools_used: log.used, tool_rounds: log.rounds, llm_purposes: prose.purposes, inputs: ['matter', facts.inputNote, legal.inputNote], as_of: isoDateOf(context.now) },
      unresolved_issues: [
        ...(facts.computedHere ? ['No LDA artifact was given: the facts were computed from the matter by this step.'] : []),
        ...(legal.computedHere ? ['No DEA artifact was given: the legal analysis was computed from the matter by this step.'] : []),
        ...valuation.notes.filter((n) => /unknown|could not|cannot|gives 0/.test(n)),
        ...negotiation.notes,
      ],
    });
    return { artifact, llmCalls: prose.calls };
  };
}
