import { type StateRules, years } from './state-rules.types.ts';

export const texasRules: StateRules = {
  code: 'TX',
  name: 'Texas',
  general: { authorityId: 'tx.limitation.general', period: years(2), accruedOnOrBefore: null, basis: '2 years after the day the cause of action accrues.', notes: [] },
  medicalMalpractice: {
    authorityId: 'tx.limitation.medmal',
    period: years(2),
    accruedOnOrBefore: null,
    basis: '2 years from the breach or tort (or from completion of the treatment or hospitalization complained of).',
    notes: ['Applies regardless of minority, except that a child under 12 has until the 14th birthday.'],
    outerLimit: { period: years(10), label: '10-year statute of repose from the act or omission', authorityIds: ['tx.limitation.medmal'] },
    minors: { summary: 'A child under 12 has until the 14th birthday; otherwise minority does not extend the period.', authorityIds: ['tx.limitation.medmal'] },
  },
  computationAuthorityIds: ['tx.computation', 'tx.computation.rule4', 'tx.computation.frasier'],
  computationNote: 'A last day on a Saturday, Sunday or holiday extends to the next day the county offices are open; courts split on holidays when offices stayed open (Frasier v. Shafeeq).',
  minors: { authorityId: 'tx.minors', tollsGeneralPeriod: true, yearsAfterMajority: 2, summary: 'Time under 18 is not counted (deadline effectively the 20th birthday); health-care claims follow § 74.251 instead.' },
  government: { authorityIds: ['tx.government'], firstStep: { label: 'Notice of claim to the governmental unit', period: years(0, 6) }, summary: 'Notice within 6 months after the incident describing the injury, time, place and incident; a city charter may require it sooner.' },
  fault: { authorityId: 'tx.fault', kind: 'modified', barAbovePercent: 50, summary: 'Modified comparative fault (51% bar): a claimant more than 50% responsible recovers nothing; otherwise damages are reduced by the claimant\'s percentage.' },
  dogBite: { regime: 'scienter_strict_liability_and_negligence', authorityIds: ['tx.dog'], summary: 'No general dog-bite statute. Strict liability if the owner knew or should have known of dangerous propensities abnormal to the breed; negligence claims remain available without proof of viciousness.', defences: ['No knowledge of dangerous propensities (strict-liability claim)', 'Contributory negligence is no defence to the strict-liability claim'] },
  caps: [
    { kind: 'non_economic_medical_malpractice', status: 'in_force', authorityIds: ['tx.cap.medmal'], summary: 'Health-care liability claims: non-economic damages $250,000 per claimant against all physicians and providers combined; $250,000 per institution, $500,000 all institutions.', sourceUrls: [], verified: 'yes' },
    { kind: 'punitive', status: 'in_force', authorityIds: ['tx.punitive'], summary: 'Exemplary damages capped at the greater of 2 × economic damages plus non-economic damages up to $750,000, or $200,000.', sourceUrls: [], verified: 'yes' },
  ],
};
