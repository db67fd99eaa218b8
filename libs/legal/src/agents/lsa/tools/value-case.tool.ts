import { z } from 'zod';
import { applyComparativeFault } from '../../../rules/fault.ts';
import { formatUsd } from '../../../text/money.ts';
import { defineTool } from '../../shared/tool.ts';
import { readPolicyLimits } from '../policy-limits.ts';
import { MULTIPLIER_BANDS, readSeverity } from '../severity.ts';

const range = z.object({ low: z.number(), high: z.number() });

export const valuationSchema = z.object({
  method: z.string(),
  economic_basis: z.number(),
  economic_basis_note: z.string(),
  severity: z.enum(['severe', 'moderate', 'minor', 'unknown']),
  severity_basis: z.array(z.string()),
  multiplier_band: z.object({ low: z.number(), high: z.number(), reason: z.string() }),
  gross_range: range,
  comparative_fault: z.object({ plaintiff_percent: z.number().nullable(), rule: z.string().nullable(), barred: z.boolean(), recovery_factor: z.number(), explanation: z.string() }),
  cap: z.object({ applied: z.boolean(), non_economic_limit: z.number().nullable(), explanation: z.string() }),
  policy_limits: z.object({ text: z.string(), per_person: z.number(), per_occurrence: z.number().nullable() }).nullable(),
  bounded_by_policy_limits: z.boolean(),
  range,
  claimed_total: z.number().nullable(),
  notes: z.array(z.string()),
});
export type Valuation = z.infer<typeof valuationSchema>;

export const valueCaseInputSchema = z.object({
  economic_total: z.number(),
  stated_severities: z.array(z.string()),
  injury_texts: z.array(z.string()),
  generals_claimed: z.number().nullable(),
  fault_rule: z.object({ kind: z.enum(['pure', 'modified']), bar_above_percent: z.number().nullable(), cite: z.string() }).nullable(),
  plaintiff_fault_percent: z.number().nullable(),
  plaintiff_fault_argued: z.array(z.string()),
  non_economic_cap: z.object({ limit: z.number(), cite: z.string() }).nullable(),
  coverage_limits: z.array(z.string()),
});

const whole = (n: number): number => Math.round(n);

/** Settlement range by the multiplier method, reduced by plaintiff fault, capped, and bounded by known policy limits. */
export function valueCase(input: z.infer<typeof valueCaseInputSchema>): Valuation {
  const { severity, basis } = readSeverity(input.stated_severities, input.injury_texts);
  const band = MULTIPLIER_BANDS[severity];
  const econ = input.economic_total;
  const gross = { low: whole(econ * band.low), high: whole(econ * band.high) };
  const notes: string[] = [];
  const rule = input.fault_rule;
  const pct = input.plaintiff_fault_percent;
  const fault = rule === null || pct === null
    ? { plaintiffPercent: pct, barred: false, recoveryFactor: 1, explanation: pct === null ? (input.plaintiff_fault_argued.length > 0 ? `Plaintiff fault is argued (${input.plaintiff_fault_argued.map((t) => `"${t}"`).join('; ')}) but no percentage is stated: the range is not reduced.` : 'No plaintiff fault is indicated: no reduction.') : 'Jurisdiction unknown: no fault rule to apply, so the stated plaintiff fault was not applied.' }
    : applyComparativeFault(rule, pct);
  const afterFault = { low: whole(gross.low * fault.recoveryFactor), high: whole(gross.high * fault.recoveryFactor) };
  let capped = afterFault;
  let capText = 'No non-economic damages cap applies.';
  if (input.non_economic_cap !== null) {
    const limit = input.non_economic_cap.limit;
    const econAfter = econ * fault.recoveryFactor;
    const cap = (value: number): number => whole(Math.min(value, econAfter + limit));
    capped = { low: cap(afterFault.low), high: cap(afterFault.high) };
    capText = `Non-economic damages limited to ${formatUsd(limit)} (${input.non_economic_cap.cite}): the range keeps economic damages plus at most that amount.`;
  }
  const limits = input.coverage_limits.map((text) => ({ text, limits: readPolicyLimits(text) }));
  const readable = limits.flatMap((l) => (l.limits === null ? [] : [{ text: l.text, ...l.limits }]));
  for (const l of limits.filter((x) => x.limits === null)) notes.push(`Coverage limits "${l.text}" could not be read; not applied.`);
  const perPerson = readable.reduce((sum, l) => sum + l.perPerson, 0);
  const bounded = readable.length > 0 && capped.high > perPerson;
  const final = bounded ? { low: Math.min(capped.low, perPerson), high: perPerson } : capped;
  if (bounded) notes.push(`The range is bounded by the known per-person limits of ${formatUsd(perPerson)}; value above them depends on excess coverage or the defendant's assets, which are unknown.`);
  if (readable.length === 0) notes.push('Policy limits unknown: the range is not bounded by coverage.');
  if (econ === 0) notes.push('No economic damages are documented, so the multiplier method gives 0: this is a gap in the file, not a valuation.');
  const claimed = input.generals_claimed === null ? null : econ + input.generals_claimed;
  if (claimed !== null) notes.push(`The matter claims ${formatUsd(claimed)} (economic ${formatUsd(econ)} + general ${formatUsd(input.generals_claimed ?? 0)}); the computed gross range is ${formatUsd(gross.low)}–${formatUsd(gross.high)}.`);
  const first = readable[0];
  return {
    method: 'Multiplier method: economic damages × a severity band (Themis heuristic, not law), then plaintiff fault, caps and policy limits.',
    economic_basis: econ,
    economic_basis_note: 'The LDA economic total (sum of the included ledger lines).',
    severity,
    severity_basis: basis,
    multiplier_band: { low: band.low, high: band.high, reason: band.reason },
    gross_range: gross,
    comparative_fault: { plaintiff_percent: fault.plaintiffPercent, rule: rule === null ? null : `${rule.kind} (${rule.cite})`, barred: fault.barred, recovery_factor: fault.recoveryFactor, explanation: fault.explanation },
    cap: { applied: input.non_economic_cap !== null, non_economic_limit: input.non_economic_cap?.limit ?? null, explanation: capText },
    policy_limits: first === undefined ? null : { text: readable.map((r) => r.text).join(' + '), per_person: perPerson, per_occurrence: readable.length === 1 ? first.perOccurrence : null },
    bounded_by_policy_limits: bounded,
    range: final,
    claimed_total: claimed,
    notes,
  };
}

export const valueCaseTool = defineTool({
  name: 'value_case',
  description: 'Settlement range: economic damages × a multiplier band chosen by injury severity, reduced by the plaintiff\'s fault under the state rule (zero when barred), limited by any non-economic cap, bounded by known policy limits.',
  input: valueCaseInputSchema,
  output: valuationSchema,
  run: valueCase,
});
