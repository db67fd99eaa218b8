import { type StateRules, years } from './state-rules.types.ts';

export const illinoisRules: StateRules = {
  code: 'IL',
  name: 'Illinois',
  general: { authorityId: 'il.limitation.general', period: years(2), accruedOnOrBefore: null, basis: '2 years after the cause of action accrued.', notes: ['Filing on the anniversary date was held timely by the Appellate Court in 2011, but the anniversary question has been contested: file earlier.'] },
  medicalMalpractice: {
    authorityId: 'il.limitation.medmal',
    period: years(2),
    accruedOnOrBefore: null,
    basis: '2 years from when the claimant knew or reasonably should have known of the injury; the working deadline assumes knowledge on the date of the act.',
    notes: ['The only exception to the 4-year repose is fraudulent concealment.'],
    outerLimit: { period: years(4), label: '4-year repose after the act or omission', authorityIds: ['il.limitation.medmal', 'il.limitation.medmal.orlak'] },
    minors: { summary: 'Minors: 8 years from the act (treated as a repose); the 2-year period starts at age 18; the 22nd-birthday cut-off is unverified.', authorityIds: ['il.limitation.medmal.minors', 'il.limitation.medmal.minors.franklin'] },
  },
  computationAuthorityIds: ['il.computation', 'il.computation.bertell'],
  computationNote: 'A last day on a Saturday, Sunday or statutory holiday is excluded (even if the courthouse was open).',
  minors: { authorityId: 'il.minors', tollsGeneralPeriod: true, yearsAfterMajority: 2, summary: 'A person under 18 when the cause of action accrued may sue within 2 years after turning 18.' },
  government: { authorityIds: ['il.government.local', 'il.government.state'], firstStep: { label: 'Suit against a local public entity or its employee', period: years(1) }, summary: 'Suit against a local public entity within 1 year of the injury (patient care: 2 years from discovery, 4-year repose); claims against the State go to the Court of Claims with notice within 1 year.' },
  fault: { authorityId: 'il.fault', kind: 'modified', barAbovePercent: 50, summary: 'Modified comparative fault (51% bar): a plaintiff whose fault is more than 50% of the proximate cause is barred; otherwise damages are reduced by the plaintiff\'s share.' },
  dogBite: { regime: 'statutory_liability', authorityIds: ['il.dog', 'il.dog.owner'], summary: 'Animal Control Act: the owner (broadly defined: keeper, harbourer, custodian) is liable in full when the dog, without provocation, attacks or injures a person peaceably conducting themselves where they may lawfully be.', defences: ['Provocation', 'Victim not lawfully present', 'Victim not peaceably conducting themselves'] },
  caps: [
    { kind: 'non_economic_medical_malpractice', status: 'invalidated', authorityIds: ['il.cap.medmal', 'il.cap.lebron', 'il.cap.best'], summary: 'No cap: the medical-malpractice caps were voided (Lebron, 2010) and an earlier general cap fell (Best, 1997).', sourceUrls: [], verified: 'yes' },
  ],
};
