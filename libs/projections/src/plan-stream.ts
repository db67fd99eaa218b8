import { evolvePlan, initialPlanState, type PlanEvent, type PlanState, parsePlanEvent, planEventSchemaVersions } from '@themis/domain';
import type { RecordedEvent, StreamModel } from '@themis/event-store';

export const PLAN_STREAM_PREFIX = 'plan-';
export const planStreamId = (planId: string): string => `${PLAN_STREAM_PREFIX}${planId}`;
export const planIdOf = (streamId: string): string | undefined =>
  streamId.startsWith(PLAN_STREAM_PREFIX) ? streamId.slice(PLAN_STREAM_PREFIX.length) : undefined;

/** How plan events are stored and read back: validated on the way in and out. */
export const planStreamModel: StreamModel<PlanState, PlanEvent> = {
  initialState: initialPlanState,
  evolve: evolvePlan,
  fromRecorded: (recorded: RecordedEvent) => parsePlanEvent(recorded.type, recorded.data),
  toNewEvent: (event: PlanEvent) => ({ type: event.type, data: event.data, schemaVersion: planEventSchemaVersions[event.type] }),
};

export function foldRecorded(events: readonly RecordedEvent[]): PlanState {
  let state = initialPlanState();
  for (const event of events) state = evolvePlan(state, planStreamModel.fromRecorded(event));
  return state;
}
