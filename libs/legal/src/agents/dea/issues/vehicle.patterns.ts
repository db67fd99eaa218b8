import { INJURY_PATTERN, TREATMENT_PATTERN } from '../../lda/medical-terms.ts';
import { type IssuePattern, words } from './issue-pattern.ts';

const VEHICLE = words('car', 'cars', 'truck', 'trucks', 'van', 'vehicle', 'vehicles', 'sedan', 'suv', 'bus', 'motorcycle', 'tractor-trailer', 'semi', 'pickup', 'driver', 'motorist');
const COLLISION = words('collision', 'collided', 'collide', 'crash\\w*', 'rear-?end\\w*', 'struck', 'striking', 'hit', 'merged', 'merging', 'turned left', 'failure to yield', 'ran (?:a|the) red light', 'r[au]n over', 'knocked down');
const REAR_END = words('rear-?end\\w*', 'from behind', 'rear of (?:her|his|their|the) (?:car|vehicle)');

/** Auto negligence: the driver's duty of reasonable care, its breach, causation and harm. */
export const motorVehicleNegligence: IssuePattern = {
  id: 'motor_vehicle_negligence',
  issue: () => 'Motor vehicle negligence',
  areaOfLaw: 'Tort: negligence (motor vehicle)',
  causes: /motor|vehicle|auto|car_accident|collision|traffic/,
  triggers: [[VEHICLE, COLLISION]],
  elements: () => [
    { element: 'Duty: the driver owed others on the road reasonable care', evidence: [words('driver', 'drove', 'driving', 'operat\\w+'), VEHICLE] },
    { element: 'Breach: the driver failed to use reasonable care', evidence: [words('failed to (?:yield|stop|check|maintain|look)', 'red light', 'distract\\w*', 'tablet', 'phone', 'texting', 'speeding', 'following too closely', 'blind spots?', 'merg\\w+', 'cited', 'citation', 'failure to yield', 'no braking', 'admitted', 'rushing', 'turned left in front')] },
    { element: 'Causation: the breach caused the collision and the injuries', evidence: [words('struck', 'striking', 'collid\\w+', 'collision', 'impact', 'caus\\w+', 'forced', 'rear-?ended', 'hit')] },
    { element: 'Damages: the plaintiff was injured', evidence: [INJURY_PATTERN, TREATMENT_PATTERN] },
  ],
  authorityIds: () => [],
  notes: (ctx) => [
    'No authority on the elements of motor-vehicle negligence is in the curated table: research the state\'s pattern instruction before citing one.',
    ...(ctx.cause !== '' && !/motor|vehicle|auto|collision|traffic/.test(ctx.cause)
      ? ['Raised by the facts, not by the cause of action: if the driver is not a party, expect the defence to allocate fault to the driver (and consider whether to join them).']
      : []),
    ...(ctx.state === 'NY' ? ['New York: CPLR 1411(b) may bar recovery in motor-vehicle cases where the claimant\'s fault exceeds the defendants\' (partly verified; see the fault rule).'] : []),
  ],
};

/** Rear-end collisions: the following driver's failure to keep a safe distance and lookout. */
export const rearEndCollision: IssuePattern = {
  id: 'rear_end_collision',
  issue: () => 'Rear-end collision: inference of the following driver\'s negligence',
  areaOfLaw: 'Tort: negligence (motor vehicle)',
  causes: null,
  triggers: [[REAR_END]],
  elements: () => [
    { element: 'The plaintiff\'s vehicle was stopped, slowing or lawfully ahead', evidence: [words('stopped', 'stationary', 'red light', 'slowing', 'waiting', 'right of way')] },
    { element: 'The defendant\'s vehicle struck it from behind', evidence: [REAR_END] },
    { element: 'No non-negligent explanation by the following driver (sudden stop, mechanical failure)', evidence: [words('no braking', 'looking at', 'distract\\w*', 'tablet', 'phone', 'admitted')] },
  ],
  authorityIds: () => [],
  notes: (ctx) => [
    'Whether a rear-end collision creates a presumption or only an inference of negligence varies by state; no authority for it is in the curated table: research required.',
    ...ctx.contraryTexts.filter((text) => words('sudden stop', 'stopped suddenly', 'brake check\\w*').test(text)).map((text) => `Defence theory to meet: "${text}"`),
  ],
};
