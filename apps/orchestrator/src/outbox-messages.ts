import type { JsonValue, PlanState, StepDispatched } from '@themis/domain';
import type { EventMetadata, OutboxMessage, RecordedEvent } from '@themis/event-store';
import { type AgentTask, headers, taskMessageId, topics } from '@themis/messaging';
import { planIdOf } from '@themis/projections';

type Trace = Pick<EventMetadata, 'correlationId' | 'traceparent'>;

function traceHeaders(trace: Trace): Record<string, string> {
  const out: Record<string, string> = { [headers.correlationId]: trace.correlationId };
  if (trace.traceparent !== null) out[headers.traceparent] = trace.traceparent;
  return out;
}

/** The task for a dispatched step: the matter and the artifacts of the steps it depends on. */
function taskMessage(planId: string, state: PlanState, dispatched: StepDispatched['data'], trace: Trace, causationId: string): OutboxMessage {
  const inputs: Record<string, JsonValue> = {};
  if (state.status !== 'NotCreated') {
    for (const stepId of dispatched.inputs) {
      const artifact = state.steps[stepId]?.artifact;
      if (artifact !== undefined) inputs[stepId] = artifact;
    }
  }
  const task: AgentTask = {
    planId,
    stepId: dispatched.stepId,
    attempt: dispatched.attempt,
    agent: dispatched.agent,
    ...(dispatched.task === undefined ? {} : { task: dispatched.task }),
    matter: state.status === 'NotCreated' ? null : state.matter,
    inputs,
    dispatchedAt: dispatched.dispatchedAt,
    timeoutAt: dispatched.timeoutAt,
  };
  return {
    topic: topics.agentTasks(dispatched.agent),
    key: planId,
    headers: { ...traceHeaders(trace), [headers.messageId]: taskMessageId(task), [headers.messageType]: 'AgentTask', [headers.causationId]: causationId },
    payload: task,
  };
}

/**
 * What an append publishes: every event on the plan-events topic, and a task on the agent's
 * topic for every step dispatched, built from the state after the append, so the agent needs
 * nothing else.
 */
export function outboxMessages(recorded: readonly RecordedEvent[], state: PlanState): OutboxMessage[] {
  const messages: OutboxMessage[] = [];
  for (const event of recorded) {
    const planId = planIdOf(event.streamId)!;
    messages.push({
      topic: topics.planEvents,
      key: planId,
      headers: { ...traceHeaders(event.metadata), [headers.messageId]: event.eventId, [headers.messageType]: event.type, [headers.causationId]: event.eventId },
      payload: {
        eventId: event.eventId,
        planId,
        streamVersion: event.streamVersion,
        globalPosition: event.globalPosition,
        type: event.type,
        schemaVersion: event.schemaVersion,
        occurredAt: event.occurredAt,
        data: event.data as JsonValue,
      },
    });
    if (event.type === 'StepDispatched') {
      messages.push(taskMessage(planId, state, event.data as StepDispatched['data'], event.metadata, event.eventId));
    }
  }
  return messages;
}

/**
 * The tasks of steps still dispatched, for a bus that lost them in a restart. An agent that already
 * answered answers again; the orchestrator ignores the second result.
 */
export function inFlightTasks(state: PlanState): OutboxMessage[] {
  if (state.status !== 'Running') return [];
  return state.stepOrder.flatMap((stepId) => {
    const step = state.steps[stepId]!;
    if (step.status !== 'dispatched' || step.dispatchedAt === undefined || step.timeoutAt === undefined) return [];
    const dispatched = { stepId, agent: step.spec.agent, ...(step.spec.task === undefined ? {} : { task: step.spec.task }), attempt: step.attempt, inputs: [...step.inputs], dispatchedAt: step.dispatchedAt, timeoutAt: step.timeoutAt };
    return [taskMessage(state.planId, state, dispatched, { correlationId: state.planId, traceparent: null }, `redelivery:${state.planId}:${stepId}:${step.attempt}`)];
  });
}
