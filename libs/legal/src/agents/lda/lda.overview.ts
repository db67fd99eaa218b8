import { formatUsd } from '../../text/money.ts';
import type { ComputedFacts } from './lda.facts.ts';

/** The deterministic overview: who, when, what was documented, what is missing. Built only from computed facts. */
export function overviewDraft(facts: ComputedFacts): string {
  const m = facts.matter;
  const sides = facts.plaintiff === null ? 'No plaintiff is identified' : `${facts.plaintiff} v. ${facts.defendants.length === 0 ? 'an unidentified defendant' : facts.defendants.join(', ')}`;
  const when = facts.incident.date === null ? 'The incident date is not established.' : `Incident on ${facts.incident.date} (${facts.incident.basis}).`;
  const where = m.jurisdiction_as_given === null ? 'No jurisdiction is given.' : `Jurisdiction as given: ${m.jurisdiction_as_given}.`;
  const cause = m.cause_of_action_as_given === null ? '' : ` Cause of action as given: ${m.cause_of_action_as_given}.`;
  const ledger = facts.damages;
  const categories = ledger.totals_by_category.map((c) => `${c.category.replace(/_/g, ' ')} ${formatUsd(c.total)}`).join(', ');
  const economic = ledger.lines.length === 0 ? 'No economic damages are documented.' : `Economic damages documented: ${formatUsd(ledger.economic_total)} (${categories}).`;
  const generals = ledger.non_economic.generals === null ? '' : ` Non-economic damages claimed: ${formatUsd(ledger.non_economic.generals)}.`;
  const high = facts.evidence_gaps.filter((g) => g.severity === 'high').map((g) => g.gap);
  const gaps = facts.evidence_gaps.length === 0 ? 'No evidence gaps found.' : `${facts.evidence_gaps.length} evidence gap(s)${high.length > 0 ? `, most serious: ${high.join('; ')}` : ''}.`;
  const timeline = `${facts.timeline.length} dated timeline entr${facts.timeline.length === 1 ? 'y' : 'ies'}${facts.undated_items.length > 0 ? `, ${facts.undated_items.length} undated` : ''}.`;
  return `${m.title}: ${sides.replace(/\.$/, '')}. ${when} ${where}${cause}\n${economic}${generals} ${timeline} ${gaps}`;
}

export const OVERVIEW_INSTRUCTIONS =
  'Write a neutral overview of this personal-injury matter for the supervising lawyer, in two short paragraphs. Use only the facts given; keep every date, name and amount exactly as given; say plainly what is missing. Do not add facts, law or opinions.';
