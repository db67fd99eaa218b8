import { formatUsd } from '../../text/money.ts';
import type { ComputedFacts } from '../lda/lda.facts.ts';
import type { LegalView } from '../shared/upstream.ts';
import type { RiskAssessment } from './tools/assess-risks.tool.ts';
import type { NextActions } from './tools/plan-next-actions.tool.ts';
import type { Valuation } from './tools/value-case.tool.ts';

/** The theory of the case: the lead issue, what happened, the breach, the harm, and the governing fault rule. Built from computed facts only. */
export function theoryDraft(facts: ComputedFacts, legal: LegalView): string {
  const [lead] = [...legal.issues].sort((a, b) => rank(b) - rank(a));
  if (lead === undefined) return `No legal issue could be identified from the facts of ${facts.matter.title}.`;
  const defendant = facts.defendants.length === 0 ? 'an unidentified defendant' : facts.defendants.join(' and ');
  const happened = facts.fact_statements.find((s) => ['summary', 'facts.incident_description', 'description'].includes(s.source.path))?.text;
  // The element that carries liability, in order of preference, so the theory cites the defendant's conduct.
  const preferred = [/breach|failed to/i, /departed/i, /knew/i, /defect|intended design/i, /propensit|provocation|bit or attacked/i, /condition/i];
  const breachFacts = preferred.map((re) => lead.elements.find((e) => re.test(e.element) && e.facts.length > 0)).find((e) => e !== undefined)?.facts ?? [];
  const breach = (breachFacts.find((f) => f.source.path.startsWith('documents.') && f.text !== happened) ?? breachFacts.find((f) => f.text !== happened))?.text;
  const harm = facts.injury_mentions.find((m) => m.text !== happened)?.text ?? facts.injuries[0]?.description;
  const j = legal.jurisdiction;
  const law = j.known ? `${j.name} applies ${j.fault_rule.kind} comparative fault (${j.fault_rule.citation.cite}).` : 'The governing law is not yet known.';
  return [
    `${lead.issue}, against ${defendant}${facts.plaintiff === null ? '' : `, for ${facts.plaintiff}`}.`,
    happened === undefined ? '' : `What happened: ${happened}`,
    breach === undefined ? 'Liability: not yet established by a fact in the file.' : `Liability: ${breach}`,
    harm === undefined ? '' : `Harm: ${/[.!?]$/.test(harm) ? harm : `${harm}.`}`,
    law,
  ].filter((part) => part !== '').join(' ');
}

/** The issue raised by the cause of action leads; among equals, the strongest. */
const rank = (issue: { basis: string; strength: string }): number => (issue.basis === 'cause_of_action' ? 10 : 0) + (issue.strength === 'strong' ? 3 : issue.strength === 'moderate' ? 2 : 1);

/** A plain-language summary a client may read: no strategy, no citations, every figure as computed. */
export function clientSummaryDraft(facts: ComputedFacts, valuation: Valuation, risks: RiskAssessment, actions: NextActions, confidence: number | null): string {
  const when = facts.incident.date === null ? 'your injury' : `the incident on ${facts.incident.date}`;
  const value = valuation.economic_basis === 0
    ? 'We cannot estimate a settlement range yet because no medical bills or other financial losses are documented.'
    : `Based on documented financial losses of ${formatUsd(valuation.economic_basis)} and the nature of the injuries, we currently estimate a settlement range of ${formatUsd(valuation.range.low)} to ${formatUsd(valuation.range.high)}.`;
  const fault = valuation.comparative_fault.plaintiff_percent === null ? '' : ` That estimate reflects ${valuation.comparative_fault.plaintiff_percent}% of the fault being attributed to you.`;
  const deadline = risks.risks.find((r) => r.risk.startsWith('Limitation deadline'));
  const score = confidence === null ? '' : ` The confidence score recorded in your file is ${confidence}%.`;
  return `We have reviewed your claim arising from ${when}. ${value}${fault} Overall risk is ${risks.risk_level}.${deadline === undefined ? '' : ` Important: ${deadline.basis}`}${score} ${clientSteps(facts, actions)}`;
}

/** Next steps in client terms: the deadline, the records still needed, and the next document. */
function clientSteps(facts: ComputedFacts, actions: NextActions): string {
  const deadline = facts.incident.date === null ? 'We need the date of the incident to confirm your filing deadline.' : '';
  const missing = facts.evidence_gaps.filter((g) => g.severity !== 'low').map((g) => g.gap.toLowerCase());
  const records = missing.length === 0 ? '' : `We will gather what is missing from the file (${missing.join('; ')}).`;
  const next = actions.recommended_document_type === 'complaint' ? 'We will then prepare the lawsuit (complaint) to protect your claim.' : 'We will then prepare a settlement demand to the other side.';
  return ['Next steps:', deadline, records, next].filter((part) => part !== '').join(' ');
}

export const THEORY_INSTRUCTIONS = 'Write the theory of the case in three sentences for the trial lawyer: what the defendant did, why it breaches the duty, and how it caused the harm. Use only the facts given; keep names, dates and citations exactly as given.';
export const CLIENT_SUMMARY_INSTRUCTIONS = 'Rewrite this summary for the client in plain, calm language. Keep every date, amount and percentage exactly; add no legal citations, no strategy and no promises.';
