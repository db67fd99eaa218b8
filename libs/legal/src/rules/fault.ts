import { compareIso, type IsoDate } from '../time/calendar.ts';
import { cite } from './authorities.ts';
import { FLORIDA_HB837_DATE } from './florida.rules.ts';
import type { FaultRule } from './rules-output.schema.ts';
import type { StateRules } from './state-rules.types.ts';
import type { ClaimKind } from './limitation.ts';

export interface FaultFacts {
  readonly claimKind: ClaimKind;
  /** The filing date, when the action has been filed; null means "not yet filed" (so filed after today). */
  readonly filedOn: IsoDate | null;
  readonly isMotorVehicle: boolean;
}

/** The comparative-fault rule for this matter, with the state's special cases applied. */
export function faultRuleFor(rules: StateRules, facts: FaultFacts): FaultRule {
  const base = rules.fault;
  const rule: FaultRule = { kind: base.kind, bar_above_percent: base.barAbovePercent, summary: base.summary, citation: cite(base.authorityId), notes: [] };
  if (rules.code === 'FL') {
    if (facts.claimKind === 'medical_malpractice') {
      return { ...rule, kind: 'pure', bar_above_percent: null, notes: ['Medical negligence under ch. 766 is excluded from the 2023 bar: pure comparative fault applies.'] };
    }
    if (facts.filedOn !== null && compareIso(facts.filedOn, FLORIDA_HB837_DATE) <= 0) {
      return { ...rule, kind: 'pure', bar_above_percent: null, notes: [`Filed on ${facts.filedOn}, on or before ${FLORIDA_HB837_DATE}: the pre-2023 pure comparative-fault rule applies (the bar is keyed to the filing date, not accrual).`] };
    }
    rule.notes.push(facts.filedOn === null ? `Not yet filed: any action filed now is filed after ${FLORIDA_HB837_DATE}, so the more-than-50% bar applies.` : `Filed on ${facts.filedOn}, after ${FLORIDA_HB837_DATE}: the more-than-50% bar applies.`);
  }
  if (rules.code === 'NY' && facts.isMotorVehicle) {
    rule.notes.push('Motor-vehicle case: new CPLR 1411(b) (2026) may bar recovery where the claimant\'s fault exceeds the defendants\'; its effective date and scope (all damages or only non-economic) are unverified. Check before relying on pure comparative fault.');
  }
  return rule;
}

export interface FaultApplication {
  readonly plaintiffPercent: number;
  readonly barred: boolean;
  /** Share of damages the plaintiff keeps (0 when barred). */
  readonly recoveryFactor: number;
  readonly explanation: string;
}

/** Applies the plaintiff's percentage of fault to a recovery under the rule. */
export function applyComparativeFault(rule: Pick<FaultRule, 'kind' | 'bar_above_percent'>, plaintiffPercent: number): FaultApplication {
  const pct = Math.min(100, Math.max(0, plaintiffPercent));
  const bar = rule.bar_above_percent;
  if (rule.kind === 'modified' && bar !== null && pct > bar) {
    return { plaintiffPercent: pct, barred: true, recoveryFactor: 0, explanation: `Plaintiff ${pct}% at fault is more than ${bar}%: recovery is barred under the modified rule.` };
  }
  return { plaintiffPercent: pct, barred: false, recoveryFactor: (100 - pct) / 100, explanation: pct === 0 ? 'No plaintiff fault indicated: no reduction.' : `Recovery reduced by the plaintiff's ${pct}% share of fault.` };
}
