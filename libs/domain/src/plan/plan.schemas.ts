import { z } from 'zod';
import { jsonValueSchema } from '../json.ts';

export const agentNames = ['lda', 'dea', 'lsa'] as const;
export const agentNameSchema = z.enum(agentNames);
export type AgentName = z.infer<typeof agentNameSchema>;

export const stepIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,62}$/, 'a step id is lower-case letters, digits and dashes, starting with a letter');

export const taskNameSchema = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'a task name is lower-case letters, digits and underscores');

export const stepSpecSchema = z.object({
  id: stepIdSchema,
  agent: agentNameSchema,
  /** What the agent is asked to do; absent means the agent's main analysis. */
  task: taskNameSchema.optional(),
  description: z.string(),
  dependsOn: z.array(stepIdSchema),
});
export type StepSpec = z.infer<typeof stepSpecSchema>;

/** How a plan runs its steps; fixed when the plan is created so replays decide the same way. */
export const executionPolicySchema = z.object({
  stepTimeoutMs: z.number().int().positive(),
  maxAttempts: z.number().int().min(1).max(10),
  retryBaseDelayMs: z.number().int().nonnegative(),
});
export type ExecutionPolicy = z.infer<typeof executionPolicySchema>;

/** One model call made while running a step. Offline engines record themselves with zero tokens and zero cost. */
export const llmCallSchema = z.object({
  provider: z.string(),
  model: z.string(),
  purpose: z.string(),
  promptHash: z.string(),
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  cacheReadTokens: z.number().int().nonnegative(),
  cacheWriteTokens: z.number().int().nonnegative(),
  costUsd: z.number().nonnegative(),
  durationMs: z.number().nonnegative(),
});
export type LlmCall = z.infer<typeof llmCallSchema>;

export const usageSchema = z.object({
  calls: z.number().int().nonnegative(),
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  cacheReadTokens: z.number().int().nonnegative(),
  cacheWriteTokens: z.number().int().nonnegative(),
  costUsd: z.number().nonnegative(),
});
export type Usage = z.infer<typeof usageSchema>;

export const zeroUsage: Usage = Object.freeze({
  calls: 0,
  inputTokens: 0,
  outputTokens: 0,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  costUsd: 0,
});

export function addUsage(a: Usage, b: Usage): Usage {
  return {
    calls: a.calls + b.calls,
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
    cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens,
    // Costs are summed in micro-dollars so that many small calls do not drift.
    costUsd: Math.round((a.costUsd + b.costUsd) * 1e6) / 1e6,
  };
}

export function usageOf(calls: readonly LlmCall[]): Usage {
  return calls.reduce<Usage>(
    (total, call) =>
      addUsage(total, {
        calls: 1,
        inputTokens: call.inputTokens,
        outputTokens: call.outputTokens,
        cacheReadTokens: call.cacheReadTokens,
        cacheWriteTokens: call.cacheWriteTokens,
        costUsd: call.costUsd,
      }),
    zeroUsage,
  );
}

export const stepErrorSchema = z.object({ code: z.string(), message: z.string() });
export type StepError = z.infer<typeof stepErrorSchema>;

export const artifactSchema = jsonValueSchema;
