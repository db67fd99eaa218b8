import type { PlanCommand } from '@themis/domain';
import {
  agentResultSchema,
  consumerGroups,
  type DeliveredMessage,
  headers,
  type MessageBus,
  NonRetryableMessageError,
  type Subscription,
  topics,
} from '@themis/messaging';
import type { Logger } from '@themis/telemetry';
import { type PlanCommandDeps, runPlanCommand } from '../handlers/plan-commands.ts';

/**
 * Turns agent results into CompleteStep / FailStep. A result for a step that is already settled,
 * or for an earlier attempt, decides nothing, so redelivered results are harmless.
 */
export function startAgentResultsConsumer(
  bus: MessageBus,
  deps: PlanCommandDeps & { readonly clock: () => Date },
  logger: Logger,
): Promise<Subscription> {
  const handle = async (message: DeliveredMessage): Promise<void> => {
    const parsed = agentResultSchema.safeParse(message.payload);
    if (!parsed.success) throw new NonRetryableMessageError(`not a valid agent result: ${parsed.error.message}`);
    const result = parsed.data;
    const now = deps.clock();
    const command: PlanCommand =
      result.outcome === 'completed'
        ? {
            type: 'CompleteStep',
            data: { stepId: result.stepId, attempt: result.attempt, artifact: result.artifact, llmCalls: result.llmCalls, durationMs: result.durationMs },
            metadata: { now },
          }
        : {
            type: 'FailStep',
            data: { stepId: result.stepId, attempt: result.attempt, error: result.error, retryable: result.retryable, llmCalls: result.llmCalls },
            metadata: { now },
          };
    const outcome = await runPlanCommand(deps, result.planId, command, {
      actor: `agent:${result.agent}`,
      correlationId: message.headers[headers.correlationId] ?? result.planId,
      causationId: message.headers[headers.messageId] ?? null,
      traceparent: message.headers[headers.traceparent] ?? null,
    });
    if (outcome.events.length === 0) {
      logger.info({ planId: result.planId, stepId: result.stepId, attempt: result.attempt }, 'ignored a result for a step that is already settled');
    }
  };
  // Results must not be dead-lettered by a short database outage: retry for about half an hour.
  return bus.subscribe({
    groupId: consumerGroups.orchestrator,
    topics: [topics.agentResults],
    handler: handle,
    maxDeliveryAttempts: 60,
    retryBaseDelayMs: 200,
  });
}
