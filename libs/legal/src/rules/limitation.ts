import { addDays, addYears, compareIso, type IsoDate } from '../time/calendar.ts';
import { cite } from './authorities.ts';
import { computeDeadline, periodText } from './deadline.ts';
import type { Limitation } from './rules-output.schema.ts';
import type { LimitationRule, StateRules } from './state-rules.types.ts';

export type ClaimKind = 'general' | 'medical_malpractice';

export interface LimitationFacts {
  readonly claimKind: ClaimKind;
  /** The date the cause of action accrued (the incident); null when the matter does not say. */
  readonly incidentDate: IsoDate | null;
  readonly asOf: IsoDate;
  /** The plaintiff's age on the incident date, when the matter states it. */
  readonly plaintiffAge: number | null;
  /** True when the matter marks the plaintiff as a minor (e.g. a guardian ad litem). */
  readonly isMinor: boolean;
}

/** The period that applies, including Florida's split by accrual date. */
function periodFor(rule: LimitationRule, incidentDate: IsoDate | null): { period: LimitationRule['period']; basis: string; notes: string[] } {
  const older = rule.accruedOnOrBefore;
  if (older === null) return { period: rule.period, basis: rule.basis, notes: [] };
  if (incidentDate === null) return { period: rule.period, basis: rule.basis, notes: [`Accrual date unknown: if it was on or before ${older.date}, ${periodText(older.period)} applies instead.`] };
  return compareIso(incidentDate, older.date) <= 0 ? { period: older.period, basis: older.note, notes: [] } : { period: rule.period, basis: rule.basis, notes: [] };
}

function minorsBlock(rules: StateRules, facts: LimitationFacts): Limitation['minors'] {
  const isMinor = facts.isMinor || (facts.plaintiffAge !== null && facts.plaintiffAge < 18);
  const applies = isMinor ? 'yes' : facts.plaintiffAge !== null ? 'no' : 'unknown';
  if (facts.claimKind === 'medical_malpractice') {
    const mm = rules.medicalMalpractice.minors;
    return { applies, plaintiff_age: facts.plaintiffAge, summary: mm.summary, citations: mm.authorityIds.map(cite), tolled_deadline_range: null, note: isMinor ? 'Minor plaintiff: the medical-malpractice minors rule must be applied with the date of birth.' : 'Applies only to a minor plaintiff.' };
  }
  const rule = rules.minors;
  let range: Limitation['minors']['tolled_deadline_range'] = null;
  let note = 'Applies only to a minor plaintiff.';
  if (isMinor) {
    note = rule.tollsGeneralPeriod
      ? 'Minor plaintiff: tolling may extend the deadline, but the untolled date is kept as the working deadline until the date of birth is confirmed.'
      : 'Minor plaintiff, but minority does not generally toll this period: the untolled deadline governs unless the narrow statutory ground applies.';
    const years = rule.yearsAfterMajority;
    if (rule.tollsGeneralPeriod && years !== null && facts.plaintiffAge !== null && facts.incidentDate !== null) {
      // Age A on the incident date puts the 18th birthday in (incident + (17-A) years, incident + (18-A) years].
      const age = facts.plaintiffAge;
      range = { earliest: addDays(addYears(facts.incidentDate, 17 - age + years).date, 1), latest: addYears(facts.incidentDate, 18 - age + years).date };
      note += ` Age ${age} at the incident puts the tolled deadline between ${range.earliest} and ${range.latest} (before weekend roll-forward).`;
    }
  }
  return { applies, plaintiff_age: facts.plaintiffAge, summary: rule.summary, citations: [cite(rule.authorityId)], tolled_deadline_range: range, note };
}

/** The limitation period, the working deadline and its caveats for one state and claim kind. */
export function limitationFor(rules: StateRules, facts: LimitationFacts): Limitation {
  const isMedMal = facts.claimKind === 'medical_malpractice';
  const rule = isMedMal ? rules.medicalMalpractice : rules.general;
  const { period, basis, notes } = periodFor(rule, facts.incidentDate);
  const outer = isMedMal ? rules.medicalMalpractice.outerLimit : null;
  const incident = facts.incidentDate;
  return {
    claim_kind: facts.claimKind,
    period: { ...period },
    period_text: periodText(period),
    basis,
    citation: cite(rule.authorityId),
    computation_citations: rules.computationAuthorityIds.map(cite),
    computation_note: rules.computationNote,
    incident_date: incident,
    deadline: incident === null ? null : computeDeadline(incident, period, facts.asOf),
    outer_limit: outer === null ? null : { label: outer.label, deadline: incident === null ? null : computeDeadline(incident, outer.period, facts.asOf), citations: outer.authorityIds.map(cite) },
    minors: minorsBlock(rules, facts),
    notes: [...(incident === null ? ['Incident date unknown: no deadline can be computed until it is established.'] : []), ...notes, ...rule.notes],
  };
}
