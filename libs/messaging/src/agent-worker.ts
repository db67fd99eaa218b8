import { type AgentName, isDomainError, type JsonValue, type LlmCall } from '@themis/domain';
import type { Logger } from '@themis/telemetry';
import { type AgentResult, type AgentTask, agentTaskSchema, resultMessageId, taskMessageId } from './contracts.ts';
import { type DeliveredMessage, type MessageBus, NonRetryableMessageError, type Subscription } from './message-bus.ts';
import { consumerGroups, headers, topics } from './topics.ts';

export interface AgentRunOutput {
  readonly artifact: JsonValue;
  readonly llmCalls: readonly LlmCall[];
}

/** An agent failure with the model calls made before it (their cost is real). */
export class AgentRunError extends Error {
  override readonly name = 'AgentRunError';
  readonly code: string;
  readonly retryable: boolean;
  readonly llmCalls: readonly LlmCall[];
  constructor(code: string, message: string, options: { retryable: boolean; llmCalls?: readonly LlmCall[]; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable;
    this.llmCalls = options.llmCalls ?? [];
  }
}

export interface AgentWorkerOptions {
  readonly agent: AgentName;
  readonly bus: MessageBus;
  readonly logger: Logger;
  readonly run: (task: AgentTask) => Promise<AgentRunOutput>;
}

/**
 * Consumes one agent's task topic, runs the agent and publishes the result. The task counts as
 * consumed only after the result is accepted by the bus, so a crash mid-run means the task is
 * delivered again; the orchestrator ignores a second result for a settled step.
 */
export function startAgentWorker({ agent, bus, logger, run }: AgentWorkerOptions): Promise<Subscription> {
  const handle = async (message: DeliveredMessage): Promise<void> => {
    const parsed = agentTaskSchema.safeParse(message.payload);
    if (!parsed.success) throw new NonRetryableMessageError(`not a valid ${agent} task: ${parsed.error.message}`);
    const task = parsed.data;
    const started = performance.now();
    let result: AgentResult;
    try {
      const output = await withinDeadline(run(task), task.timeoutAt);
      if (output === undefined) {
        // The orchestrator times this attempt out at the same moment and dispatches a retry,
        // which waits behind this task on the same partition: let go of it, publish nothing.
        logger.warn({ planId: task.planId, stepId: task.stepId, attempt: task.attempt, timeoutAt: task.timeoutAt }, 'abandoned a task that ran past its deadline');
        return;
      }
      result = { ...identity(task), outcome: 'completed', artifact: output.artifact, llmCalls: [...output.llmCalls], durationMs: elapsed(started) };
    } catch (error) {
      // A validation error (a task the agent does not know, input it cannot use) will fail the same way again.
      const failure =
        error instanceof AgentRunError
          ? error
          : isDomainError(error) && error.kind === 'validation'
            ? new AgentRunError(error.code, error.message, { retryable: false, cause: error })
            : new AgentRunError('agent_error', error instanceof Error ? error.message : String(error), { retryable: true, cause: error });
      logger.warn({ err: error, planId: task.planId, stepId: task.stepId, attempt: task.attempt }, 'agent run failed');
      result = {
        ...identity(task),
        outcome: 'failed',
        error: { code: failure.code, message: failure.message },
        retryable: failure.retryable,
        llmCalls: [...failure.llmCalls],
        durationMs: elapsed(started),
      };
    }
    await bus.publish([
      {
        topic: topics.agentResults,
        key: task.planId,
        payload: result,
        headers: {
          [headers.messageId]: resultMessageId(result),
          [headers.messageType]: 'AgentResult',
          [headers.causationId]: message.headers[headers.messageId] ?? taskMessageId(task),
          ...pick(message.headers, [headers.correlationId, headers.traceparent]),
        },
      },
    ]);
    logger.info({ planId: task.planId, stepId: task.stepId, attempt: task.attempt, outcome: result.outcome, durationMs: result.durationMs }, 'agent run finished');
  };
  return bus.subscribe({ groupId: consumerGroups.agent(agent), topics: [topics.agentTasks(agent)], handler: handle });
}

/** The run's output, or undefined if the deadline passes first (the run is left to finish on its own). */
async function withinDeadline<T>(work: Promise<T>, deadline: string): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), Math.max(0, Date.parse(deadline) - Date.now()));
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

const identity = (task: AgentTask) => ({ planId: task.planId, stepId: task.stepId, attempt: task.attempt, agent: task.agent });
const elapsed = (started: number) => Math.round((performance.now() - started) * 100) / 100;

function pick(source: Readonly<Record<string, string>>, names: readonly string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of names) if (source[name] !== undefined) picked[name] = source[name];
  return picked;
}
