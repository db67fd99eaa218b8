import type { JsonValue } from '../json.ts';
import type { ExecutionPolicy, LlmCall, StepError, StepSpec } from './plan.schemas.ts';

/** Every command carries the clock, so `decide` stays pure. */
export interface CommandMetadata {
  readonly now: Date;
}

type Command<Type extends string, Data> = { readonly type: Type; readonly data: Data; readonly metadata: CommandMetadata };

export type CreatePlan = Command<
  'CreatePlan',
  {
    readonly planId: string;
    readonly template: string;
    readonly title: string;
    readonly matter: JsonValue;
    readonly steps: readonly StepSpec[];
    readonly policy: ExecutionPolicy;
  }
>;

export type ExecutePlan = Command<'ExecutePlan', Record<string, never>>;

export type CompleteStep = Command<
  'CompleteStep',
  {
    readonly stepId: string;
    readonly attempt: number;
    readonly artifact: JsonValue;
    readonly llmCalls: readonly LlmCall[];
    readonly durationMs: number;
  }
>;

export type FailStep = Command<
  'FailStep',
  {
    readonly stepId: string;
    readonly attempt: number;
    readonly error: StepError;
    readonly retryable: boolean;
    readonly llmCalls: readonly LlmCall[];
  }
>;

/** Sent by the step timer when a dispatched attempt may have run past its deadline. */
export type TimeOutStep = Command<'TimeOutStep', { readonly stepId: string; readonly attempt: number }>;

/** Sent by the step timer when a scheduled retry may be due. */
export type RetryStep = Command<'RetryStep', { readonly stepId: string; readonly attempt: number }>;

export type CancelPlan = Command<'CancelPlan', { readonly reason: string }>;

export type PlanCommand = CreatePlan | ExecutePlan | CompleteStep | FailStep | TimeOutStep | RetryStep | CancelPlan;
