import type { z } from 'zod';
import type { NormalizedMatter } from '../../matter/normalized-matter.schema.ts';
import type { ComputedFacts } from '../lda/lda.facts.ts';
import type { FaultIndicators } from '../shared/fault-indicators.ts';
import type { LegalView } from '../shared/upstream.ts';
import type { assessCaseInputSchema } from './tools/assess-case.tool.ts';
import type { assessRisksInputSchema } from './tools/assess-risks.tool.ts';
import type { planNegotiationInputSchema } from './tools/plan-negotiation.tool.ts';
import type { planNextActionsInputSchema } from './tools/plan-next-actions.tool.ts';
import type { Valuation, valueCaseInputSchema } from './tools/value-case.tool.ts';

/** Maps the upstream facts and legal analysis onto each LSA tool's input. Pure data wiring. */
export function lsaInputs(matter: NormalizedMatter, facts: ComputedFacts, legal: LegalView, fault: FaultIndicators) {
  const j = legal.jurisdiction;
  const deadline = j.known ? j.limitation.deadline : null;
  const unproven = legal.issues.flatMap((issue) => issue.elements.filter((e) => e.status === 'unproven').map((e) => ({ issue: issue.issue, element: e.element })));
  const cap = j.known ? j.damages_caps.find((c) => c.applies && c.non_economic_limit !== null) : undefined;
  const faultRule = j.known ? { kind: j.fault_rule.kind, bar_above_percent: j.fault_rule.bar_above_percent, cite: j.fault_rule.citation.cite } : null;
  const gaps = facts.evidence_gaps;
  const assessCase: z.infer<typeof assessCaseInputSchema> = {
    matter_strengths: matter.strengths,
    matter_weaknesses: matter.weaknesses,
    issues: legal.issues.map((i) => ({ issue: i.issue, strength: i.strength, unproven: i.elements.filter((e) => e.status === 'unproven').map((e) => e.element) })),
    evidence_titles: [...matter.documents.map((d) => d.title), ...matter.evidence.map((e) => e.text)],
    gaps,
    plaintiff_fault_argued: [...fault.texts],
  };
  const valueCase: z.infer<typeof valueCaseInputSchema> = {
    economic_total: facts.damages.economic_total,
    stated_severities: facts.injuries.flatMap((i) => (i.severity === null ? [] : [i.severity])),
    injury_texts: [...facts.injuries.map((i) => [i.description, i.treatment, i.prognosis].filter((t) => t !== null).join('. ')), ...facts.injury_mentions.map((m) => m.text)],
    generals_claimed: facts.damages.non_economic.generals,
    fault_rule: faultRule,
    plaintiff_fault_percent: fault.percent,
    plaintiff_fault_argued: [...fault.texts],
    non_economic_cap: cap === undefined || cap.non_economic_limit === null ? null : { limit: cap.non_economic_limit, cite: cap.citations.map((c) => c.cite).join('; ') },
    coverage_limits: matter.insurance.flatMap((i) => (i.coverageLimits === null ? [] : [i.coverageLimits])),
  };
  const history = facts.damages.reported_amounts.filter((r) => r.source.path.startsWith('notes.negotiation_history')).map((r) => ({ text: r.context, amount: r.low }));
  return {
    assessCase,
    valueCase,
    negotiation: (valuation: Valuation): z.infer<typeof planNegotiationInputSchema> => ({
      range: valuation.range,
      bounded_by_policy_limits: valuation.bounded_by_policy_limits,
      goals: { settlement: matter.goals.settlement, fallback: matter.goals.fallback, opening: matter.goals.opening, ideal: matter.goals.ideal, minimum: matter.goals.minimum },
      history,
    }),
    risks: (valuation: Valuation): z.infer<typeof assessRisksInputSchema> => ({
      jurisdiction_known: j.known,
      jurisdiction_reason: j.known ? null : j.reason,
      deadline: deadline === null ? null : { deadline: deadline.deadline, days_remaining: deadline.days_remaining, status: deadline.status, cite: j.known ? j.limitation.citation.cite : '' },
      minor_plaintiff: j.known ? j.limitation.minors.applies === 'yes' : facts.parties.some((p) => p.role === 'plaintiff' && p.is_minor),
      gaps,
      unproven,
      fault: faultRule,
      plaintiff_fault_percent: fault.percent,
      plaintiff_fault_argued: [...fault.texts],
      cap_applied: valuation.cap.applied,
      bounded_by_policy_limits: valuation.bounded_by_policy_limits,
      policy_limit: valuation.policy_limits?.per_person ?? null,
      confidence_score: matter.confidenceScore,
    }),
    nextActions: {
      deadline: deadline === null ? null : { deadline: deadline.deadline, days_remaining: deadline.days_remaining, status: deadline.status },
      jurisdiction_known: j.known,
      phase: matter.phase,
      gaps,
      client_listed_gaps: facts.client_listed_gaps,
      unproven,
      policy_limits_known: valueCase.coverage_limits.length > 0,
      plaintiff_fault_argued: fault.alleged,
      fault_kind: faultRule?.kind ?? null,
    } satisfies z.infer<typeof planNextActionsInputSchema>,
  };
}
