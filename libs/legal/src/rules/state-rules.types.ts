import type { IsoDate } from '../time/calendar.ts';
import type { StateCode } from './authority.schema.ts';

/** A period: years plus months plus days (New York med-mal is 2 years 6 months; NY notice 90 days). */
export interface Period {
  readonly years: number;
  readonly months: number;
  readonly days: number;
}

export interface LimitationRule {
  readonly authorityId: string;
  readonly period: Period;
  /** Florida: causes of action accrued on or before `date` keep an older period. */
  readonly accruedOnOrBefore: { readonly date: IsoDate; readonly period: Period; readonly note: string } | null;
  /** The conservative reading used for the working deadline, when the rule has alternatives. */
  readonly basis: string;
  readonly notes: readonly string[];
}

export interface MedicalMalpracticeRule extends LimitationRule {
  /** Outer limit or repose measured from the act, where the reference gives one. */
  readonly outerLimit: { readonly period: Period; readonly label: string; readonly authorityIds: readonly string[] } | null;
  readonly minors: { readonly summary: string; readonly authorityIds: readonly string[] };
}

export interface MinorsRule {
  readonly authorityId: string;
  /** Whether minority tolls the general personal-injury period at all (Florida: not generally). */
  readonly tollsGeneralPeriod: boolean;
  /** Years after the 18th birthday the general claim may still be brought, when tolled. */
  readonly yearsAfterMajority: number | null;
  readonly summary: string;
}

export interface GovernmentClaimRule {
  readonly authorityIds: readonly string[];
  /** The first step against a public defendant: notice or claim presentation, or suit. */
  readonly firstStep: { readonly label: string; readonly period: Period };
  readonly summary: string;
}

export interface FaultRuleData {
  readonly authorityId: string;
  readonly kind: 'pure' | 'modified';
  /** Modified rules: the plaintiff recovers nothing when their share is greater than this percentage. */
  readonly barAbovePercent: number | null;
  readonly summary: string;
}

export interface DogBiteRule {
  readonly regime: 'strict_liability_statute' | 'scienter_strict_liability_and_negligence' | 'statutory_liability';
  readonly authorityIds: readonly string[];
  readonly summary: string;
  readonly defences: readonly string[];
}

export interface CapRule {
  readonly kind: 'non_economic_medical_malpractice' | 'punitive' | 'government_defendant';
  readonly status: 'in_force' | 'invalidated' | 'none';
  /** Empty where the reference gives no citation (New York: no statutory cap). */
  readonly authorityIds: readonly string[];
  readonly summary: string;
  readonly sourceUrls: readonly string[];
  readonly verified: 'yes' | 'partly' | 'unverified';
}

export interface StateRules {
  readonly code: StateCode;
  readonly name: string;
  readonly general: LimitationRule;
  readonly medicalMalpractice: MedicalMalpracticeRule;
  readonly computationAuthorityIds: readonly string[];
  readonly computationNote: string;
  readonly minors: MinorsRule;
  readonly government: GovernmentClaimRule;
  readonly fault: FaultRuleData;
  readonly dogBite: DogBiteRule;
  readonly caps: readonly CapRule[];
}

export const years = (n: number, months = 0): Period => ({ years: n, months, days: 0 });
export const days = (n: number): Period => ({ years: 0, months: 0, days: n });
