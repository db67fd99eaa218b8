import type { JsonValue } from '../json.ts';
import type { PlanEvent } from './plan.events.ts';
import { addUsage, type ExecutionPolicy, type LlmCall, type StepError, type StepSpec, type Usage, zeroUsage } from './plan.schemas.ts';

export type StepStatus = 'pending' | 'dispatched' | 'retry_scheduled' | 'completed' | 'failed';

export interface StepState {
  readonly spec: StepSpec;
  readonly status: StepStatus;
  /** The attempt now running, scheduled, or last settled; 0 before the first dispatch. */
  readonly attempt: number;
  readonly inputs: readonly string[];
  readonly dispatchedAt?: string;
  readonly timeoutAt?: string;
  readonly retryAt?: string;
  readonly settledAt?: string;
  readonly artifact?: JsonValue;
  readonly llmCalls: readonly LlmCall[];
  readonly usage: Usage;
  readonly durationMs?: number;
  readonly error?: StepError;
}

interface CreatedPlan {
  readonly planId: string;
  readonly template: string;
  readonly title: string;
  readonly matter: JsonValue;
  readonly policy: ExecutionPolicy;
  readonly createdAt: string;
  readonly stepOrder: readonly string[];
  readonly steps: Readonly<Record<string, StepState>>;
}

export type PlanState =
  | { readonly status: 'NotCreated' }
  | (CreatedPlan & { readonly status: 'Planned' })
  | (CreatedPlan & { readonly status: 'Running'; readonly startedAt: string })
  | (CreatedPlan & { readonly status: 'Completed'; readonly startedAt: string; readonly settledAt: string })
  | (CreatedPlan & {
      readonly status: 'Failed';
      readonly startedAt: string;
      readonly settledAt: string;
      readonly failedSteps: readonly string[];
    })
  | (CreatedPlan & { readonly status: 'Cancelled'; readonly settledAt: string; readonly reason: string });

export type ExistingPlan = Exclude<PlanState, { status: 'NotCreated' }>;
export type PlanStatus = PlanState['status'];

export const initialPlanState = (): PlanState => ({ status: 'NotCreated' });

export const isSettled = (state: PlanState): boolean =>
  state.status === 'Completed' || state.status === 'Failed' || state.status === 'Cancelled';

function withStep(state: ExistingPlan, stepId: string, change: (step: StepState) => StepState): ExistingPlan {
  const step = state.steps[stepId];
  if (step === undefined) return state;
  return { ...state, steps: { ...state.steps, [stepId]: change(step) } };
}

/** The fold: applies one event to the state. Events that do not apply leave the state unchanged. */
export function evolvePlan(state: PlanState, event: PlanEvent): PlanState {
  if (event.type === 'PlanCreated') {
    if (state.status !== 'NotCreated') return state;
    const { data } = event;
    const steps: Record<string, StepState> = {};
    for (const spec of data.steps) {
      steps[spec.id] = { spec, status: 'pending', attempt: 0, inputs: [], llmCalls: [], usage: zeroUsage };
    }
    return {
      status: 'Planned',
      planId: data.planId,
      template: data.template,
      title: data.title,
      matter: data.matter,
      policy: data.policy,
      createdAt: data.createdAt,
      stepOrder: data.steps.map((step) => step.id),
      steps,
    };
  }
  if (state.status === 'NotCreated') return state;

  switch (event.type) {
    case 'PlanExecutionStarted':
      return state.status === 'Planned' ? { ...state, status: 'Running', startedAt: event.data.startedAt } : state;
    case 'StepDispatched': {
      const { stepId, attempt, inputs, dispatchedAt, timeoutAt } = event.data;
      return withStep(state, stepId, (step) => ({
        ...step,
        status: 'dispatched',
        attempt,
        inputs,
        dispatchedAt,
        timeoutAt,
        retryAt: undefined,
        error: undefined,
      }));
    }
    case 'StepCompleted': {
      const { stepId, artifact, llmCalls, usage, durationMs, completedAt } = event.data;
      return withStep(state, stepId, (step) => ({
        ...step,
        status: 'completed',
        artifact,
        llmCalls: [...step.llmCalls, ...llmCalls],
        usage: addUsage(step.usage, usage),
        durationMs,
        settledAt: completedAt,
        timeoutAt: undefined,
      }));
    }
    case 'StepFailed': {
      const { stepId, error, failedAt, llmCalls, usage } = event.data;
      return withStep(state, stepId, (step) => ({
        ...step,
        status: 'failed',
        error,
        llmCalls: [...step.llmCalls, ...llmCalls],
        usage: addUsage(step.usage, usage),
        settledAt: failedAt,
        timeoutAt: undefined,
      }));
    }
    case 'StepRetryScheduled': {
      const { stepId, attempt, retryAt } = event.data;
      return withStep(state, stepId, (step) => ({ ...step, status: 'retry_scheduled', attempt, retryAt, settledAt: undefined }));
    }
    case 'PlanCompleted':
      return state.status === 'Running' ? { ...state, status: 'Completed', settledAt: event.data.completedAt } : state;
    case 'PlanFailed':
      return state.status === 'Running'
        ? { ...state, status: 'Failed', settledAt: event.data.failedAt, failedSteps: event.data.failedSteps }
        : state;
    case 'PlanCancelled':
      return state.status === 'Planned' || state.status === 'Running'
        ? { ...state, status: 'Cancelled', settledAt: event.data.cancelledAt, reason: event.data.reason }
        : state;
    default:
      return state;
  }
}

export function foldPlan(events: Iterable<PlanEvent>, from: PlanState = initialPlanState()): PlanState {
  let state = from;
  for (const event of events) state = evolvePlan(state, event);
  return state;
}
