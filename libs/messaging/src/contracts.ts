import { z } from 'zod';
import { agentNameSchema, jsonValueSchema, llmCallSchema, stepErrorSchema, taskNameSchema } from '@themis/domain';

/** What an agent service receives: the matter and the artifacts of the steps this one depends on. */
export const agentTaskSchema = z.object({
  planId: z.uuid(),
  stepId: z.string(),
  attempt: z.number().int().min(1),
  agent: agentNameSchema,
  /** What the agent is asked to do; absent means its main analysis. */
  task: taskNameSchema.optional(),
  matter: jsonValueSchema,
  /** Artifacts of the upstream steps, keyed by step id. */
  inputs: z.record(z.string(), jsonValueSchema),
  dispatchedAt: z.iso.datetime({ offset: true }),
  timeoutAt: z.iso.datetime({ offset: true }),
});
export type AgentTask = z.infer<typeof agentTaskSchema>;

const resultBase = {
  planId: z.uuid(),
  stepId: z.string(),
  attempt: z.number().int().min(1),
  agent: agentNameSchema,
  llmCalls: z.array(llmCallSchema),
  durationMs: z.number().nonnegative(),
};

/** What an agent service publishes back. */
export const agentResultSchema = z.discriminatedUnion('outcome', [
  z.object({ ...resultBase, outcome: z.literal('completed'), artifact: jsonValueSchema }),
  z.object({ ...resultBase, outcome: z.literal('failed'), error: stepErrorSchema, retryable: z.boolean() }),
]);
export type AgentResult = z.infer<typeof agentResultSchema>;

export const taskMessageId = (task: Pick<AgentTask, 'planId' | 'stepId' | 'attempt'>) => `task:${task.planId}:${task.stepId}:${task.attempt}`;
export const resultMessageId = (result: Pick<AgentResult, 'planId' | 'stepId' | 'attempt'>) =>
  `result:${result.planId}:${result.stepId}:${result.attempt}`;
