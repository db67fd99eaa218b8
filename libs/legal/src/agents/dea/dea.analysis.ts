import type { JurisdictionBlock } from '../../rules/rules-output.schema.ts';
import type { IssueResult } from './issues/issue-pattern.ts';
import { formatUsd } from '../../text/money.ts';

function issuesParagraph(issues: readonly IssueResult[]): string {
  const parts = issues.map((issue) => {
    const unproven = issue.elements.filter((e) => e.status === 'unproven').map((e) => e.element);
    const support = unproven.length === 0 ? 'every element has supporting facts' : `unproven: ${unproven.join('; ')}`;
    return `${issue.issue} (${issue.strength}; ${support})`;
  });
  return `The facts raise ${issues.length} issue${issues.length === 1 ? '' : 's'}: ${parts.join('. ')}.`;
}

function jurisdictionParagraph(block: JurisdictionBlock): string {
  if (!block.known) return `The jurisdiction is unknown (${block.reason}) No limitation period, fault rule or damages cap has been applied; establish the forum before relying on any deadline.`;
  const lim = block.limitation;
  const d = lim.deadline;
  const deadline = d === null
    ? 'The incident date is not established, so no deadline can be computed.'
    : `From ${d.start}, the deadline is ${d.deadline} (${d.weekday})${d.rolled_forward ? `, rolled forward from ${d.anniversary}` : ''}; ${d.days_remaining >= 0 ? `${d.days_remaining} days remain` : `it passed ${-d.days_remaining} days ago`} as of ${d.as_of}.`;
  const fault = block.fault_rule;
  const faultText = fault.kind === 'pure' ? `${block.name} applies pure comparative fault (${fault.citation.cite}).` : `${block.name} applies modified comparative fault: a plaintiff more than ${fault.bar_above_percent ?? 50}% at fault recovers nothing (${fault.citation.cite}).`;
  const isMedMal = lim.claim_kind === 'medical_malpractice';
  const caps = block.damages_caps
    .filter((c) => c.applies || (isMedMal && c.kind === 'non_economic_medical_malpractice'))
    .map((c) => `${c.summary.replace(/\.$/, '')}${c.citations.length === 0 ? '' : ` (${c.citations.map((a) => a.cite).join('; ')})`}${c.non_economic_limit === null ? '' : `, limit ${formatUsd(c.non_economic_limit)}`}`);
  const minors = lim.minors.applies === 'yes' ? ` ${lim.minors.note.replace(/\.$/, '')} (${lim.minors.citations.map((a) => a.cite).join('; ')}).` : '';
  const dog = block.dog_bite === null ? '' : ` Dog-bite regime: ${block.dog_bite.summary.replace(/\.$/, '')} (${block.dog_bite.citations.map((a) => a.cite).join('; ')}).`;
  return `Under ${block.name} law the ${lim.claim_kind === 'medical_malpractice' ? 'medical-malpractice' : 'personal-injury'} limitation rule is: ${lim.basis.replace(/\.$/, '')} (${lim.citation.cite}). ${deadline}${minors} ${faultText}${caps.length > 0 ? ` Caps: ${caps.join('; ')}.` : ''}${dog}`;
}

/** The deterministic analysis: issues, then the jurisdiction's rules, then caveats. */
export function analysisDraft(issues: readonly IssueResult[], block: JurisdictionBlock, partlyVerified: readonly string[], unverifiedClient: number): string {
  const caveats = [
    ...(partlyVerified.length > 0 ? [`Only partly verified in the reference: ${partlyVerified.join('; ')}.`] : []),
    ...(unverifiedClient > 0 ? [`${unverifiedClient} authorit${unverifiedClient === 1 ? 'y' : 'ies'} supplied with the matter ${unverifiedClient === 1 ? 'was' : 'were'} not verified.`] : []),
  ];
  return [issuesParagraph(issues), jurisdictionParagraph(block), caveats.join(' ')].filter((p) => p !== '').join('\n\n');
}

export const ANALYSIS_INSTRUCTIONS =
  'Write the legal analysis for a personal-injury lawyer: the issues and which elements are unproven, then the limitation deadline, the fault rule and any caps. Cite only the citations given in the facts, exactly as written; keep every date, percentage and amount unchanged; never add an authority.';
