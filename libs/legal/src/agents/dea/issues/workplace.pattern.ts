import { INJURY_PATTERN } from '../../lda/medical-terms.ts';
import { type IssuePattern, words } from './issue-pattern.ts';

const WORK = words('construction site', 'job ?site', 'work ?site', 'scaffold\\w*', 'construction worker', 'ironworker', 'workers\'? compensation', 'osha', 'on the job', 'warehouse worker');

/** Injury at work, claimed against someone other than the employer (outside workers' compensation). */
export const workplaceThirdParty: IssuePattern = {
  id: 'workplace_third_party',
  issue: () => 'Workplace injury: third-party negligence (outside workers\' compensation)',
  areaOfLaw: 'Tort: negligence (workplace, third party)',
  causes: /workplace|construction|work_injury|workers/,
  triggers: [[WORK]],
  elements: () => [
    { element: 'The plaintiff was injured while working', evidence: [words('worker', 'construction', 'job ?site', 'working', 'ironworker', 'workers\'? compensation', 'employee')] },
    { element: 'The defendant is a third party, not the plaintiff\'s employer', evidence: [words('third-?party', 'contractor', 'subcontractor', 'provided by', 'rental', 'manufacturer', 'outside workers\'? comp\\w*')] },
    { element: 'The defendant breached a duty of care (e.g. safety violations)', evidence: [words('osha', 'violations?', 'cited', 'failed to', 'not properly', 'missing', 'overload\\w*', 'inspections? not performed', 'falsif\\w+', 'exceeded')] },
    { element: 'The breach caused the accident and injuries', evidence: [words('collaps\\w*', 'caus\\w+', 'structural failure', 'gave way', 'fell', 'falling')] },
    { element: 'The plaintiff suffered damages', evidence: [INJURY_PATTERN] },
  ],
  authorityIds: () => [],
  notes: () => [
    'Workers\' compensation exclusivity, the employer\'s fault share and the carrier\'s lien are outside the curated table: research required.',
    'Federal safety regulations cited in the matter are client-supplied authorities and are not verified here.',
  ],
};
