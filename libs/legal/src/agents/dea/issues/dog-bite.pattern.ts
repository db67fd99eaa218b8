import { INJURY_PATTERN } from '../../lda/medical-terms.ts';
import { type ElementSpec, type IssueContext, type IssuePattern, words } from './issue-pattern.ts';
import { stateRules } from '../../../rules/state-rules.ts';

const DOG = words('dogs?', 'pit ?bulls?', 'german shepherds?', 'rottweilers?', 'canine', 'puppy');
const BITE = words('bit', 'bitten', 'bites?', 'biting', 'attack\\w*', 'mauled', 'lunged');
const OWNER = { element: 'The defendant owned (or kept or harboured) the dog', evidence: [words('owner', 'owned', 'owns', 'his dog', 'her dog', "defendant's (?:dog|pit bull)", 'keeper', 'harbou?r\\w*')] };
const BITTEN = { element: 'The dog bit or attacked the plaintiff', evidence: [BITE] };
const LAWFUL = { element: 'The plaintiff was in a public place or lawfully on private property', evidence: [words('public', 'park', 'sidewalk', 'street', 'lawfully', 'playground', 'swings', 'invited', 'guest')] };
const HARM = { element: 'The attack caused the plaintiff\'s injuries', evidence: [INJURY_PATTERN] };
const PROPENSITY = { element: 'The owner knew or should have known of the dog\'s dangerous propensities', evidence: [words('prior (?:complaint|incident|bite|attack)s?', 'complaint history', 'history of aggressive', 'previous incidents?', 'aggressive', 'vicious', 'dangerous propensit\\w+')] };

function elementsFor(ctx: IssueContext): ElementSpec[] {
  switch (ctx.state) {
    case 'IL':
      return [OWNER, { element: 'The dog attacked or injured the plaintiff without provocation', evidence: [words('unprovoked', 'without provocation', 'no provocation')] }, { element: 'The plaintiff was peaceably conducting themselves', evidence: [words('playing', 'walking', 'peaceabl\\w*', 'jogging', 'delivering', 'standing')] }, LAWFUL, HARM];
    case 'NY':
    case 'TX':
      return [OWNER, BITTEN, PROPENSITY, HARM];
    default:
      return [OWNER, BITTEN, LAWFUL, HARM];
  }
}

/** Dog bite under the state's regime (table 5 of the reference); an unknown state gets the common elements only. */
export const dogBite: IssuePattern = {
  id: 'dog_bite',
  issue: (ctx) => (ctx.state === null ? 'Dog bite liability (jurisdiction unknown: regime not determined)' : `Dog bite liability (${stateRules[ctx.state].name}: ${stateRules[ctx.state].dogBite.regime.replace(/_/g, ' ')})`),
  areaOfLaw: 'Tort: animal liability',
  causes: /dog|animal/,
  triggers: [[DOG, BITE]],
  elements: elementsFor,
  authorityIds: (ctx) => (ctx.state === null ? [] : stateRules[ctx.state].dogBite.authorityIds),
  notes: (ctx) => {
    if (ctx.state === null) return ['Dog-bite rules differ sharply by state (strict liability, scienter, statute); the jurisdiction is unknown.'];
    const notes = [stateRules[ctx.state].dogBite.summary];
    if (ctx.state === 'FL' && ctx.plaintiffAge !== null && ctx.plaintiffAge < 6) notes.push('Victim under 6: the "Bad Dog" sign defence is unavailable.');
    if (ctx.state === 'NY') notes.push('Plead ordinary negligence as well (available since Flanders v. Goodfellow, 2025).');
    notes.push(...ctx.contraryTexts.filter((text) => words('provo\\w*', 'teas\\w*', 'reached', 'trespass\\w*').test(text)).map((text) => `Defence to meet: "${text}"`));
    return notes;
  },
};
