import { type ExistingPlan, type JsonValue, type PlanState, type StepError, type Usage, zeroUsage, addUsage } from '@themis/domain';

export type PlanStatusName = 'planned' | 'running' | 'completed' | 'failed' | 'cancelled';

export interface StepView {
  readonly id: string;
  readonly agent: 'lda' | 'dea' | 'lsa';
  /** What the agent was asked to do; null for its main analysis. */
  readonly task: string | null;
  readonly description: string;
  readonly dependsOn: readonly string[];
  /** Steps whose artifacts the last dispatched task carried as input. */
  readonly inputs: readonly string[];
  readonly status: 'pending' | 'dispatched' | 'retry_scheduled' | 'completed' | 'failed';
  readonly attempt: number;
  readonly dispatchedAt: string | null;
  readonly timeoutAt: string | null;
  readonly retryAt: string | null;
  readonly settledAt: string | null;
  readonly durationMs: number | null;
  readonly error: StepError | null;
  readonly usage: Usage;
  readonly models: readonly string[];
}

export interface PlanView {
  readonly id: string;
  readonly title: string;
  readonly template: string;
  readonly status: PlanStatusName;
  /** Stream version this view was folded to. */
  readonly version: number;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly settledAt: string | null;
  readonly failedSteps: readonly string[];
  readonly cancelReason: string | null;
  readonly steps: readonly StepView[];
  readonly usage: Usage;
  readonly matter: JsonValue;
}

export const statusName = (state: ExistingPlan): PlanStatusName => state.status.toLowerCase() as PlanStatusName;

export function toPlanView(state: PlanState, version: number): PlanView | undefined {
  if (state.status === 'NotCreated') return undefined;
  const steps = state.stepOrder.map((id): StepView => {
    const step = state.steps[id]!;
    return {
      id,
      agent: step.spec.agent,
      task: step.spec.task ?? null,
      description: step.spec.description,
      dependsOn: step.spec.dependsOn,
      inputs: step.inputs,
      status: step.status,
      attempt: step.attempt,
      dispatchedAt: step.dispatchedAt ?? null,
      timeoutAt: step.timeoutAt ?? null,
      retryAt: step.retryAt ?? null,
      settledAt: step.settledAt ?? null,
      durationMs: step.durationMs ?? null,
      error: step.error ?? null,
      usage: step.usage,
      models: [...new Set(step.llmCalls.map((call) => `${call.provider}/${call.model}`))],
    };
  });
  return {
    id: state.planId,
    title: state.title,
    template: state.template,
    status: statusName(state),
    version,
    createdAt: state.createdAt,
    startedAt: 'startedAt' in state ? state.startedAt : null,
    settledAt: 'settledAt' in state ? state.settledAt : null,
    failedSteps: state.status === 'Failed' ? state.failedSteps : [],
    cancelReason: state.status === 'Cancelled' ? state.reason : null,
    steps,
    usage: steps.reduce((total, step) => addUsage(total, step.usage), zeroUsage),
    matter: state.matter,
  };
}

/** Completed steps' artifacts, keyed by step id. */
export function artifactsOf(state: PlanState): Record<string, JsonValue> {
  if (state.status === 'NotCreated') return {};
  const artifacts: Record<string, JsonValue> = {};
  for (const id of state.stepOrder) {
    const artifact = state.steps[id]?.artifact;
    if (artifact !== undefined) artifacts[id] = artifact;
  }
  return artifacts;
}

export const isSettledView = (view: PlanView): boolean => view.status === 'completed' || view.status === 'failed' || view.status === 'cancelled';
