import type { LdaArtifact, LsaArtifact } from '@themis/legal';
import { formatUsd, sumUsd } from '../text/money.ts';
import type { DemandLetter } from './demand-letter.types.ts';

/** The specials table is the LDA ledger's included lines, unchanged; the total is their sum and nothing else. */
export function assessDamages(lda: LdaArtifact): DemandLetter['damages'] {
  const ledger = lda.facts.damages;
  const lines = ledger.lines.filter((line) => line.included).map((line) => ({ description: line.description, source: line.source.label, amount: line.amount }));
  return {
    lines,
    economicTotal: lines.length === 0 ? null : sumUsd(lines.map((line) => line.amount)),
    generals: ledger.non_economic.generals,
    punitive: ledger.punitive?.amount ?? null,
  };
}

/**
 * The demand is the LSA's opening position; a zero opening means the strategy had nothing to
 * open with, so the top of the computed range is tried next. With neither, there is no figure:
 * the letter says so rather than invent one.
 */
export function chooseDemand(lsa: LsaArtifact): DemandLetter['demand'] {
  const { negotiation_positions: positions, settlement_range: valuation } = lsa.strategy;
  const limits = valuation.policy_limits === null ? null : { text: valuation.policy_limits.text, perPerson: valuation.policy_limits.per_person };
  const opening = positions.opening;
  const range = valuation.range;
  const figure =
    opening.amount > 0
      ? { amount: opening.amount, basis: `the LSA opening position, based on the ${opening.basis}` }
      : range.high > 0
        ? { amount: range.high, basis: 'the top of the LSA settlement range (the strategy gives no opening position)' }
        : { amount: null, basis: 'no figure can be computed, because the strategy has no opening position and its settlement range is empty (no economic damages are documented)' };
  return { ...figure, policyLimits: limits, isPolicyLimitsDemand: limits !== null && figure.amount === limits.perPerson && valuation.bounded_by_policy_limits };
}

/** One line for the attorney on how the figure was reached and how it compares with the computed range. */
export function demandNote(lsa: LsaArtifact, demand: DemandLetter['demand']): string {
  const range = lsa.strategy.settlement_range.range;
  const rangeText = range.high > 0 ? `The computed settlement range is ${formatUsd(range.low)}–${formatUsd(range.high)}.` : 'No settlement range could be computed because no economic damages are documented.';
  if (demand.amount === null) return `Demand amount: ${demand.basis}. Set the figure before sending.`;
  const overLimits = demand.policyLimits !== null && demand.amount > demand.policyLimits.perPerson ? ` The demand exceeds the known per-person policy limit of ${formatUsd(demand.policyLimits.perPerson)}; recovery above it depends on excess coverage or the defendant's assets.` : '';
  return `The demand of ${formatUsd(demand.amount)} is ${demand.basis}. ${rangeText}${overLimits}`;
}
