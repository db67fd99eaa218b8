import { INJURY_PATTERN } from '../../lda/medical-terms.ts';
import { type IssuePattern, words } from './issue-pattern.ts';

/** General negligence: used when no more specific fact pattern applies. */
export const generalNegligence: IssuePattern = {
  id: 'negligence',
  issue: () => 'Negligence',
  areaOfLaw: 'Tort: negligence',
  causes: /negligence/,
  triggers: [],
  elements: () => [
    { element: 'The defendant owed the plaintiff a duty of reasonable care', evidence: [words('owed', 'duty', 'responsible for', 'provided', 'operat\\w+', 'owner')] },
    { element: 'The defendant breached that duty', evidence: [words('failed to', 'failure to', 'negligen\\w+', 'violat\\w+', 'improperly', 'not properly', 'unsafe')] },
    { element: 'The breach caused the plaintiff\'s injuries', evidence: [words('caus\\w+', 'resulted', 'led to', 'struck', 'collaps\\w*')] },
    { element: 'The plaintiff suffered damages', evidence: [INJURY_PATTERN] },
  ],
  authorityIds: () => [],
  notes: () => ['No authority on the elements of negligence is in the curated table: research the state\'s pattern instruction before citing one.'],
};
