import { INJURY_PATTERN } from '../../lda/medical-terms.ts';
import { type IssuePattern, words } from './issue-pattern.ts';
import { stateRules } from '../../../rules/state-rules.ts';

const PROVIDER = words('surgeon', 'physician', 'doctor', 'nurse', 'hospital', 'anesthesiologist', 'radiologist', 'Dr\\.?');
const FAULT = words('negligen\\w*', 'standard of care', 'departed', 'departure', 'malpractice', 'misdiagnos\\w*', 'failed to diagnose', 'failure to diagnose', 'severed');

/** Medical malpractice: departure from accepted practice that caused injury. */
export const medicalMalpractice: IssuePattern = {
  id: 'medical_malpractice',
  issue: () => 'Medical malpractice: departure from the accepted standard of care',
  areaOfLaw: 'Tort: medical negligence',
  causes: /malpractice|medical_negligence|medical negligence|med_mal/,
  triggers: [[PROVIDER, FAULT]],
  elements: () => [
    { element: 'A physician–patient (provider) relationship created a duty of care', evidence: [words('surgeon', 'physician', 'performed', 'underwent', 'patient', 'treated', 'operative')] },
    { element: 'The provider departed from the accepted standard of care', evidence: [words('standard of care', 'departed', 'departure', 'negligen\\w+', 'failed to', 'failing to', 'failure to', 'no intraoperative', 'should have', 'delay in recognition')] },
    { element: 'The departure caused the injury', evidence: [words('caus\\w+', 'resulted', 'severed', 'transection', 'led to', 'injury')] },
    { element: 'The plaintiff suffered damages', evidence: [INJURY_PATTERN, words('permanent', 'unable to work', 'cannot return')] },
    { element: 'Expert support for the standard of care and causation', evidence: [words('expert', 'opines', 'affidavit', 'certificate of merit', 'board-certified')] },
  ],
  authorityIds: (ctx) => (ctx.state === null ? [] : [stateRules[ctx.state].medicalMalpractice.authorityId]),
  notes: (ctx) => [
    'Medical-malpractice limitation periods differ from the general personal-injury period: see the jurisdiction block.',
    ...ctx.contraryTexts.filter((text) => words('known (?:risk|complication)', 'informed consent', 'pre-existing', 'unavoidable').test(text)).map((text) => `Defence to meet: "${text}"`),
  ],
};
