import type { RequestContext } from '@themis/projections';
import { type PlanCommandDeps, runPlanCommand } from './plan-commands.ts';
import { metadataOf } from './request-metadata.ts';

/** Starts the plan (dispatching its first steps); executing a running plan joins it, a settled one is a conflict. */
export function executePlan(deps: PlanCommandDeps & { readonly clock: () => Date }, planId: string, context: RequestContext) {
  return runPlanCommand(deps, planId, { type: 'ExecutePlan', data: {}, metadata: { now: deps.clock() } }, metadataOf(context));
}

export function cancelPlan(deps: PlanCommandDeps & { readonly clock: () => Date }, planId: string, reason: string, context: RequestContext) {
  return runPlanCommand(deps, planId, { type: 'CancelPlan', data: { reason }, metadata: { now: deps.clock() } }, metadataOf(context));
}
