import { days, type StateRules, years } from './state-rules.types.ts';

export const newYorkRules: StateRules = {
  code: 'NY',
  name: 'New York',
  general: { authorityId: 'ny.limitation.general', period: years(3), accruedOnOrBefore: null, basis: '3 years from the injury.', notes: [] },
  medicalMalpractice: {
    authorityId: 'ny.limitation.medmal',
    period: years(2, 6),
    accruedOnOrBefore: null,
    basis: '2 years 6 months from the act or omission (continuous treatment for the same condition can start the period at the last treatment).',
    notes: ["Lavern's Law: failure to diagnose cancer or a malignant tumor runs 2.5 years from discovery, never more than 7 years after the act.", 'Foreign-object discovery exception exists; its period is unverified in the reference.'],
    outerLimit: null,
    minors: { summary: 'Infancy tolling (CPLR 208) applies to infants in medical malpractice subject to a 10-year cap from accrual.', authorityIds: ['ny.minors'] },
  },
  computationAuthorityIds: ['ny.computation'],
  computationNote: 'A period ending on a Saturday, Sunday or public holiday runs to the next business day.',
  minors: { authorityId: 'ny.minors', tollsGeneralPeriod: true, yearsAfterMajority: 3, summary: 'Infancy at accrual: a period of 3 years or more is extended to 3 years after the disability ends (generally age 21 for personal injury).' },
  government: { authorityIds: ['ny.government'], firstStep: { label: 'Notice of claim to the public corporation', period: days(90) }, summary: 'Notice of claim within 90 days after the claim arises; suit within 1 year and 90 days after the event (§ 50-i). Claims against the State itself were not checked.' },
  fault: { authorityId: 'ny.fault', kind: 'pure', barAbovePercent: null, summary: '§ 1411(a): pure comparative fault; the claimant\'s culpable conduct reduces damages proportionally but does not bar recovery.' },
  dogBite: {
    regime: 'scienter_strict_liability_and_negligence',
    authorityIds: ['ny.dog.collier', 'ny.dog.flanders', 'ny.dog.statute'],
    summary: 'Strict liability only if the owner knew or should have known of vicious propensities; since Flanders v. Goodfellow (2025) an ordinary negligence claim is also available. A dog found dangerous makes the owner strictly liable for medical costs.',
    defences: ['No knowledge of vicious propensities (strict-liability claim)', 'Ordinary negligence defences (negligence claim)'],
  },
  caps: [
    { kind: 'non_economic_medical_malpractice', status: 'none', authorityIds: [], summary: 'No statutory cap on non-economic damages, including medical malpractice (2026 auto-package limits for uninsured/impaired drivers unverified).', sourceUrls: ['https://davidkates.com/blog/2023/february/are-there-damage-caps-for-medical-malpractice-cl', 'https://radnalaw.com/resources/new-york-sets-no-limits-on-non-economic-damages/'], verified: 'partly' },
  ],
};
