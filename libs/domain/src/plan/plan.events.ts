import { z } from 'zod';
import { jsonValueSchema } from '../json.ts';
import {
  agentNameSchema,
  artifactSchema,
  executionPolicySchema,
  llmCallSchema,
  stepErrorSchema,
  stepIdSchema,
  stepSpecSchema,
  taskNameSchema,
  usageSchema,
} from './plan.schemas.ts';

const isoDate = z.iso.datetime({ offset: true });

export const planCreatedSchema = z.object({
  planId: z.uuid(),
  template: z.string(),
  title: z.string(),
  /** The matter exactly as the client sent it. */
  matter: jsonValueSchema,
  steps: z.array(stepSpecSchema).min(1),
  policy: executionPolicySchema,
  createdAt: isoDate,
});

export const planExecutionStartedSchema = z.object({ startedAt: isoDate });

export const stepDispatchedSchema = z.object({
  stepId: stepIdSchema,
  agent: agentNameSchema,
  task: taskNameSchema.optional(),
  attempt: z.number().int().min(1),
  /** The steps whose artifacts the task carries as input. */
  inputs: z.array(stepIdSchema),
  dispatchedAt: isoDate,
  timeoutAt: isoDate,
});

export const stepCompletedSchema = z.object({
  stepId: stepIdSchema,
  attempt: z.number().int().min(1),
  artifact: artifactSchema,
  llmCalls: z.array(llmCallSchema),
  usage: usageSchema,
  durationMs: z.number().nonnegative(),
  completedAt: isoDate,
});

export const stepFailedSchema = z.object({
  stepId: stepIdSchema,
  /** 0 when the step never ran because a dependency failed. */
  attempt: z.number().int().min(0),
  error: stepErrorSchema,
  willRetry: z.boolean(),
  /** Model calls the failed attempt made before it failed; their cost is real even though the step failed. */
  llmCalls: z.array(llmCallSchema),
  usage: usageSchema,
  failedAt: isoDate,
});

export const stepRetryScheduledSchema = z.object({
  stepId: stepIdSchema,
  attempt: z.number().int().min(2),
  retryAt: isoDate,
});

export const planCompletedSchema = z.object({ completedAt: isoDate, usage: usageSchema });
export const planFailedSchema = z.object({ failedAt: isoDate, failedSteps: z.array(stepIdSchema).min(1), usage: usageSchema });
export const planCancelledSchema = z.object({ cancelledAt: isoDate, reason: z.string() });

export const planEventSchemas = {
  PlanCreated: planCreatedSchema,
  PlanExecutionStarted: planExecutionStartedSchema,
  StepDispatched: stepDispatchedSchema,
  StepCompleted: stepCompletedSchema,
  StepFailed: stepFailedSchema,
  StepRetryScheduled: stepRetryScheduledSchema,
  PlanCompleted: planCompletedSchema,
  PlanFailed: planFailedSchema,
  PlanCancelled: planCancelledSchema,
} as const;

export type PlanEventType = keyof typeof planEventSchemas;
export const planEventTypes = Object.keys(planEventSchemas) as PlanEventType[];

/** Bumped when an event's payload changes shape; stored with every event. */
export const planEventSchemaVersions: Readonly<Record<PlanEventType, number>> = {
  PlanCreated: 1,
  PlanExecutionStarted: 1,
  StepDispatched: 1,
  StepCompleted: 1,
  StepFailed: 1,
  StepRetryScheduled: 1,
  PlanCompleted: 1,
  PlanFailed: 1,
  PlanCancelled: 1,
};

type EventOf<T extends PlanEventType> = { readonly type: T; readonly data: z.infer<(typeof planEventSchemas)[T]> };

export type PlanCreated = EventOf<'PlanCreated'>;
export type PlanExecutionStarted = EventOf<'PlanExecutionStarted'>;
export type StepDispatched = EventOf<'StepDispatched'>;
export type StepCompleted = EventOf<'StepCompleted'>;
export type StepFailed = EventOf<'StepFailed'>;
export type StepRetryScheduled = EventOf<'StepRetryScheduled'>;
export type PlanCompleted = EventOf<'PlanCompleted'>;
export type PlanFailed = EventOf<'PlanFailed'>;
export type PlanCancelled = EventOf<'PlanCancelled'>;

export type PlanEvent =
  | PlanCreated
  | PlanExecutionStarted
  | StepDispatched
  | StepCompleted
  | StepFailed
  | StepRetryScheduled
  | PlanCompleted
  | PlanFailed
  | PlanCancelled;

export function isPlanEventType(type: string): type is PlanEventType {
  return Object.hasOwn(planEventSchemas, type);
}

/**
 * Checks an event read back from storage (or produced by a decider) against its schema, and
 * returns the data as it was, not zod's copy: a copy would lose keys such as `__proto__` that a
 * client's matter may hold, and the event must fold to exactly what was stored.
 */
export function parsePlanEvent(type: string, data: unknown): PlanEvent {
  if (!isPlanEventType(type)) throw new TypeError(`unknown plan event type "${type}"`);
  planEventSchemas[type].parse(data);
  return { type, data } as PlanEvent;
}
