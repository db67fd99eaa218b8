import { type StateRules, years } from './state-rules.types.ts';

/** HB 837 (ch. 2023-15) took effect for causes of action accruing, or actions filed, after this day. */
export const FLORIDA_HB837_DATE = '2023-03-24';

export const floridaRules: StateRules = {
  code: 'FL',
  name: 'Florida',
  general: {
    authorityId: 'fl.limitation.general',
    period: years(2),
    accruedOnOrBefore: { date: FLORIDA_HB837_DATE, period: years(4), note: 'Accrued on or before 2023-03-24: the former 4-year negligence period applies (former § 95.11(3)(a)).' },
    basis: '2 years for a negligence cause of action accruing after 2023-03-24.',
    notes: [],
  },
  medicalMalpractice: {
    authorityId: 'fl.limitation.medmal',
    period: years(2),
    accruedOnOrBefore: null,
    basis: '2 years from the incident (or from discovery with due diligence); the working deadline assumes discovery on the incident date.',
    notes: ['Fraud, concealment or intentional misrepresentation: 2 years from discovery, never more than 7 years. HB 837 did not shorten this period.'],
    outerLimit: { period: years(4), label: '4-year repose from the incident', authorityIds: ['fl.limitation.medmal'] },
    minors: { summary: "An action on behalf of a child may be brought on or before the child's 8th birthday.", authorityIds: ['fl.limitation.medmal'] },
  },
  computationAuthorityIds: ['fl.computation.herrero', 'fl.computation.moorey', 'fl.computation'],
  computationNote: 'A last day on a Saturday, Sunday or legal holiday runs to the next day that is none of those.',
  minors: { authorityId: 'fl.minors', tollsGeneralPeriod: false, yearsAfterMajority: null, summary: 'Minority does not generally toll the negligence period; only the narrow ground in § 95.051(1)(h) (reported: no parent or guardian, or an adverse interest).' },
  government: { authorityIds: ['fl.government'], firstStep: { label: 'Written claim to the agency and the Department of Financial Services', period: years(3) }, summary: 'Claim within 3 years after accrual, actually received; damages against the state capped at $200,000 per person / $300,000 per incident (2024–2026 bills to change both: status unverified).' },
  fault: { authorityId: 'fl.fault', kind: 'modified', barAbovePercent: 50, summary: 'Modified comparative fault for negligence actions filed after 2023-03-24: a party more than 50% at fault for their own harm recovers nothing. Medical negligence under ch. 766 stays pure comparative.' },
  dogBite: { regime: 'strict_liability_statute', authorityIds: ['fl.dog'], summary: 'Strict liability for bites in a public place or where the victim is lawfully on private property, regardless of prior viciousness; the victim\'s own negligence reduces recovery by its percentage.', defences: ['"Bad Dog" sign prominently displayed (not available if the victim is under 6 or the owner\'s negligence caused the bite)', 'Victim not lawfully on the property'] },
  caps: [
    { kind: 'non_economic_medical_malpractice', status: 'invalidated', authorityIds: ['fl.cap.medmal', 'fl.cap.mccall', 'fl.cap.kalitan'], summary: 'No enforceable medical-malpractice non-economic cap: § 766.118 held unconstitutional (McCall, 2014; Kalitan, 2017).', sourceUrls: [], verified: 'yes' },
    { kind: 'punitive', status: 'in_force', authorityIds: ['fl.punitive'], summary: 'Punitive damages capped at the greater of 3 × compensatory damages or $500,000 (higher for unreasonable financial gain; none for specific intent to harm).', sourceUrls: [], verified: 'yes' },
    { kind: 'government_defendant', status: 'in_force', authorityIds: ['fl.government'], summary: 'Against the state and its subdivisions: $200,000 per person / $300,000 per incident (pending bills unverified).', sourceUrls: [], verified: 'partly' },
  ],
};
