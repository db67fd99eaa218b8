import type { JsonValue, PlanState, StepDispatched } from '@themis/domain';
import type { EventMetadata, OutboxMessage, RecordedEvent } from '@themis/event-store';
import { type AgentTask, headers, taskMessageId, topics } from '@themis/messaging';
import { planIdOf } from '@themis/projections';

function traceHeaders(metadata: EventMetadata): Record<string, string> {
  const out: Record<string, string> = { [headers.correlationId]: metadata.correlationId };
  if (metadata.traceparent !== null) out[headers.traceparent] = metadata.traceparent;
  return out;
}

/**
 * What an append publishes: every event on the plan-events topic, and a task on the agent's
 * topic for every step dispatched. A task carries the matter and its upstream artifacts, taken
 * from the state after the append, so the agent needs nothing else.
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
    if (event.type === 'StepDispatched' && state.status !== 'NotCreated') {
      const data = event.data as StepDispatched['data'];
      const inputs: Record<string, JsonValue> = {};
      for (const stepId of data.inputs) {
        const artifact = state.steps[stepId]?.artifact;
        if (artifact !== undefined) inputs[stepId] = artifact;
      }
      const task: AgentTask = {
        planId,
        stepId: data.stepId,
        attempt: data.attempt,
        agent: data.agent,
        matter: state.matter,
        inputs,
        dispatchedAt: data.dispatchedAt,
        timeoutAt: data.timeoutAt,
      };
      messages.push({
        topic: topics.agentTasks(data.agent),
        key: planId,
        headers: { ...traceHeaders(event.metadata), [headers.messageId]: taskMessageId(task), [headers.messageType]: 'AgentTask', [headers.causationId]: event.eventId },
        payload: task,
      });
    }
  }
  return messages;
}
