import { INJURY_PATTERN } from '../../lda/medical-terms.ts';
import { type IssuePattern, words } from './issue-pattern.ts';

const FALL = words('slipped', 'slip', 'slips', 'tripped', 'trip', 'fell', 'fall', 'falls', 'slip-and-fall');
const PLACE = words('floor', 'store', 'market', 'premises', 'puddle', 'ice', 'icy', 'stairs?', 'staircase', 'sidewalk', 'spill\\w*', 'wet', 'aisle', 'lobby', 'entrance', 'parking lot', 'produce', 'tiles?', 'steps?');

/** Premises liability: a possessor's duty to invitees about conditions it knew or should have known of. */
export const premisesLiability: IssuePattern = {
  id: 'premises_liability',
  issue: () => 'Premises liability: dangerous condition on the property',
  areaOfLaw: 'Tort: premises liability',
  causes: /premises|slip|trip|fall/,
  triggers: [[FALL, PLACE]],
  elements: () => [
    { element: 'The defendant owned, occupied or controlled the premises', evidence: [words('store', 'market', 'premises', 'property', 'owner', 'manager', 'employees?', 'landlord', 'building', 'staff')] },
    { element: 'A condition on the premises posed an unreasonable risk of harm', evidence: [words('wet', 'puddle', 'spill\\w*', 'slick', 'ice', 'icy', 'hazard\\w*', 'moisture', 'mopp\\w+', 'debris', 'uneven', 'broken', 'unsafe', 'reflective')] },
    { element: 'The defendant knew or reasonably should have known of the condition', evidence: [words('knew', 'knowledge', 'aware', 'prior (?:customer )?complaints?', 'earlier complaints?', 'complain\\w*', 'prior (?:similar )?incidents?', 'acknowledg\\w+', 'mopp\\w+', 'minutes earlier', 'recurring', 'notice', 'nearly slipp\\w+', 'prior incident reports?')] },
    { element: 'The defendant failed to use reasonable care to warn of or remove the condition', evidence: [words('no (?:warning|wet floor|wet-floor)', 'no (?:warning )?(?:signs?|signage|cones?|barricades?|barriers?)', 'failed to (?:warn|post|barricade)', 'without warning', 'forgot', 'not (?:used|placed|in place)', 'did not warn', 'delayed response', 'untreated', 'had not (?:yet )?been (?:salted|spread|cleared|shoveled|sanded)', 'not (?:yet )?(?:salted|spread|cleared|shoveled|sanded)')] },
    { element: 'The condition caused the plaintiff\'s fall and injuries', evidence: [FALL, INJURY_PATTERN] },
  ],
  authorityIds: () => [],
  notes: (ctx) => [
    'No authority on premises-liability elements is in the curated table: research the state\'s pattern instruction before citing one.',
    ...ctx.contraryTexts.filter((text) => words('should have seen', 'open and obvious', 'not looking', 'comparative').test(text)).map((text) => `Comparative-fault argument to meet: "${text}"`),
  ],
};
