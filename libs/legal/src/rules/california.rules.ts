import { type StateRules, years } from './state-rules.types.ts';

export const californiaRules: StateRules = {
  code: 'CA',
  name: 'California',
  general: { authorityId: 'ca.limitation.general', period: years(2), accruedOnOrBefore: null, basis: '2 years from the injury.', notes: [] },
  medicalMalpractice: {
    authorityId: 'ca.limitation.medmal',
    // "3 years or 1 year from discovery, whichever comes first": without a discovery date the
    // safe assumption is discovery on the day of injury, so the 1-year date is the working one.
    period: years(1),
    accruedOnOrBefore: null,
    basis: '1 year from discovery, assuming discovery on the date of injury (the earlier of the two § 340.5 limits).',
    notes: ['The 3-year outer limit is exceeded only for fraud, intentional concealment, or a non-therapeutic foreign body.'],
    outerLimit: { period: years(3), label: '3 years after the date of injury (outer limit)', authorityIds: ['ca.limitation.medmal'] },
    minors: { summary: 'Minors: 3 years from the wrongful act; a child injured before age 6 has until the later of 3 years or the 8th birthday.', authorityIds: ['ca.limitation.medmal'] },
  },
  computationAuthorityIds: ['ca.computation'],
  computationNote: 'A last day that is a Saturday, Sunday or judicial holiday runs to the next day that is not.',
  minors: { authorityId: 'ca.minors', tollsGeneralPeriod: true, yearsAfterMajority: 2, summary: 'Time while the plaintiff is a minor is not counted; not for claims against public entities requiring a government claim (§ 352(b)).' },
  government: { authorityIds: ['ca.government'], firstStep: { label: 'Government claim to the public entity (injury claims)', period: years(0, 6) }, summary: 'Claim within 6 months of accrual; suit within 6 months of written rejection, or 2 years from accrual without a rejection notice. A late-claim application is possible.' },
  fault: { authorityId: 'ca.fault', kind: 'pure', barAbovePercent: null, summary: 'Pure comparative negligence: damages are reduced by the plaintiff\'s percentage of fault, at any percentage.' },
  dogBite: { regime: 'strict_liability_statute', authorityIds: ['ca.dog'], summary: 'Strict liability: the owner is liable to anyone bitten in a public place or lawfully in a private place, regardless of prior viciousness or the owner\'s knowledge.', defences: ['Victim not lawfully in a private place', 'Limited exception for police/military dogs'] },
  caps: [
    { kind: 'non_economic_medical_malpractice', status: 'in_force', authorityIds: ['ca.cap.micra'], summary: 'MICRA non-economic cap in medical-malpractice cases, on a yearly schedule (see the figure for the year).', sourceUrls: [], verified: 'partly' },
  ],
};
