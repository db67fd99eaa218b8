import { z } from 'zod';
import { formatUsd } from '../../../text/money.ts';
import { defineTool } from '../../shared/tool.ts';

const position = z.object({ amount: z.number(), basis: z.string() });
export const negotiationSchema = z.object({
  opening: position,
  target: position,
  walk_away: position,
  client_goals: z.object({ settlement: z.number().nullable(), fallback: z.number().nullable(), opening: z.number().nullable(), minimum: z.number().nullable() }),
  history: z.array(z.string()),
  notes: z.array(z.string()),
});
export type Negotiation = z.infer<typeof negotiationSchema>;

export const planNegotiationInputSchema = z.object({
  range: z.object({ low: z.number(), high: z.number() }),
  bounded_by_policy_limits: z.boolean(),
  goals: z.object({ settlement: z.number().nullable(), fallback: z.number().nullable(), opening: z.number().nullable(), ideal: z.number().nullable(), minimum: z.number().nullable() }),
  history: z.array(z.object({ text: z.string(), amount: z.number() })),
});

/** Opening, target and walk-away: the client's goals where given, the computed range otherwise, with every divergence named. */
export function planNegotiation(input: z.infer<typeof planNegotiationInputSchema>): Negotiation {
  const { range, goals } = input;
  const clientOpening = goals.opening ?? goals.ideal;
  const clientFloor = goals.minimum ?? goals.fallback;
  const target = goals.settlement !== null ? { amount: goals.settlement, basis: 'client settlement goal' } : { amount: Math.round((range.low + range.high) / 2), basis: 'midpoint of the computed range' };
  const computedOpening = clientOpening !== null ? { amount: clientOpening, basis: 'client opening goal' } : { amount: range.high, basis: input.bounded_by_policy_limits ? 'policy-limits demand (top of the range is the known limit)' : 'top of the computed range' };
  // Never open below the target: when the client's goal is above the range, the opening rises to it.
  const opening = computedOpening.amount >= target.amount ? computedOpening : { amount: target.amount, basis: `${target.basis} (above the ${computedOpening.basis})` };
  const walkAway = clientFloor !== null ? { amount: clientFloor, basis: goals.minimum !== null ? 'client minimum' : 'client fallback' } : range.high === 0 ? { amount: 0, basis: 'not set: no economic damages are documented yet' } : { amount: Math.min(range.low, target.amount), basis: 'bottom of the computed range' };
  const notes: string[] = [];
  if (goals.settlement !== null && goals.settlement > range.high) notes.push(`The client's settlement goal (${formatUsd(goals.settlement)}) is above the computed range (top ${formatUsd(range.high)}): support it with the claimed general damages or reset expectations.`);
  if (goals.settlement !== null && goals.settlement < range.low) notes.push(`The client's settlement goal (${formatUsd(goals.settlement)}) is below the computed range (bottom ${formatUsd(range.low)}): confirm the client understands the claim's value.`);
  if (clientFloor !== null && clientFloor < range.low) notes.push(`The client's walk-away (${formatUsd(clientFloor)}) is below the computed floor (${formatUsd(range.low)}).`);
  if (opening.amount < target.amount || target.amount < walkAway.amount) notes.push('Positions are out of order (opening ≥ target ≥ walk-away expected): review the client goals.');
  if (input.bounded_by_policy_limits && target.amount > range.high) notes.push(`The target exceeds the known policy limits (${formatUsd(range.high)}): recovery above them needs excess coverage or the defendant's assets.`);
  const history = input.history.map((h) => `${h.text} (${formatUsd(h.amount)}${h.amount < walkAway.amount ? ', below the walk-away' : ''})`);
  return { opening, target, walk_away: walkAway, client_goals: { settlement: goals.settlement, fallback: goals.fallback, opening: clientOpening, minimum: goals.minimum }, history, notes };
}

export const planNegotiationTool = defineTool({
  name: 'plan_negotiation',
  description: 'Negotiation plan: opening, target and walk-away positions from the client goals and the computed range, noting where they diverge and where policy limits bind.',
  input: planNegotiationInputSchema,
  output: negotiationSchema,
  run: planNegotiation,
});
