import type { AgentName } from '@themis/domain';

export const topics = {
  planEvents: 'themis.plan-events.v1',
  agentResults: 'themis.agent-results.v1',
  deadLetters: 'themis.dlq.v1',
  agentTasks: (agent: AgentName) => `themis.agent-tasks.${agent}.v1`,
} as const;

export const consumerGroups = {
  orchestrator: 'themis-orchestrator',
  agent: (agent: AgentName) => `themis-agent-${agent}`,
} as const;

/** Header names carried on every message. */
export const headers = {
  messageId: 'x-message-id',
  messageType: 'x-message-type',
  correlationId: 'x-correlation-id',
  causationId: 'x-causation-id',
  traceparent: 'traceparent',
  // Added when a message is dead-lettered.
  originalTopic: 'x-original-topic',
  originalPartition: 'x-original-partition',
  originalOffset: 'x-original-offset',
  consumerGroup: 'x-consumer-group',
  error: 'x-error',
  attempts: 'x-attempts',
  failedAt: 'x-failed-at',
} as const;
