import { conflict, notFound, validationError } from '../errors.ts';
import type { CancelPlan, CompleteStep, CreatePlan, ExecutePlan, FailStep, PlanCommand, RetryStep, TimeOutStep } from './plan.commands.ts';
import type { PlanEvent } from './plan.events.ts';
import { readySteps, stepGraphIssues, transitiveDependents } from './plan.graph.ts';
import { addUsage, type ExecutionPolicy, type LlmCall, type StepError, usageOf, zeroUsage } from './plan.schemas.ts';
import { evolvePlan, type ExistingPlan, type PlanState } from './plan.state.ts';

const MAX_RETRY_DELAY_MS = 60_000;

/** Exponential backoff after the given failed attempt, capped at a minute. */
export function retryDelayMs(policy: ExecutionPolicy, failedAttempt: number): number {
  return Math.min(policy.retryBaseDelayMs * 2 ** (failedAttempt - 1), MAX_RETRY_DELAY_MS);
}

/**
 * The plan decider: what happens when a command meets the current state.
 * Returns the new events (none when the command changes nothing, e.g. a duplicate result),
 * or throws a DomainError when the command is not allowed.
 */
export function decidePlan(command: PlanCommand, state: PlanState): PlanEvent[] {
  switch (command.type) {
    case 'CreatePlan':
      return createPlan(command, state);
    case 'ExecutePlan':
      return executePlan(command, state);
    case 'CompleteStep':
      return completeStep(command, state);
    case 'FailStep':
      return failStep(command, state);
    case 'TimeOutStep':
      return timeOutStep(command, state);
    case 'RetryStep':
      return retryStep(command, state);
    case 'CancelPlan':
      return cancelPlan(command, state);
    default: {
      const unknownCommand: never = command;
      throw validationError('unknown_command', `unknown command ${JSON.stringify(unknownCommand)}`);
    }
  }
}

/** Collects events while folding them, so later decisions in one command see earlier ones. */
class Decision {
  readonly events: PlanEvent[] = [];
  state: ExistingPlan;
  constructor(state: ExistingPlan) {
    this.state = state;
  }
  emit(event: PlanEvent): void {
    this.events.push(event);
    this.state = evolvePlan(this.state, event) as ExistingPlan;
  }
}

function createPlan({ data, metadata }: CreatePlan, state: PlanState): PlanEvent[] {
  if (state.status !== 'NotCreated') throw conflict('plan_already_exists', `plan ${data.planId} already exists`);
  const issues = stepGraphIssues(data.steps);
  if (data.steps.length === 0) issues.push({ path: 'steps', message: 'a plan needs at least one step' });
  if (issues.length > 0) throw validationError('invalid_plan', 'the plan template is not a valid step graph', issues);
  return [
    {
      type: 'PlanCreated',
      data: {
        planId: data.planId,
        template: data.template,
        title: data.title,
        matter: data.matter,
        steps: data.steps.map((step) => ({ ...step, dependsOn: [...step.dependsOn] })),
        policy: data.policy,
        createdAt: metadata.now.toISOString(),
      },
    },
  ];
}

function executePlan({ metadata }: ExecutePlan, state: PlanState): PlanEvent[] {
  switch (state.status) {
    case 'NotCreated':
      throw notFound('plan_not_found', 'the plan does not exist');
    case 'Running':
      return []; // already executing: a second execute joins the running one
    case 'Completed':
    case 'Failed':
    case 'Cancelled':
      throw conflict('plan_already_settled', `the plan is already ${state.status.toLowerCase()}; create a new plan to run again`, {
        planStatus: state.status.toLowerCase(),
      });
    case 'Planned': {
      const decision = new Decision(state);
      decision.emit({ type: 'PlanExecutionStarted', data: { startedAt: metadata.now.toISOString() } });
      dispatchReady(decision, metadata.now);
      settleIfDone(decision, metadata.now);
      return decision.events;
    }
  }
}

function completeStep({ data, metadata }: CompleteStep, state: PlanState): PlanEvent[] {
  const step = runningStep(state, data.stepId, data.attempt);
  if (step === undefined || state.status !== 'Running') return [];
  const decision = new Decision(state);
  decision.emit({
    type: 'StepCompleted',
    data: {
      stepId: data.stepId,
      attempt: data.attempt,
      artifact: data.artifact,
      llmCalls: [...data.llmCalls],
      usage: usageOf(data.llmCalls),
      durationMs: data.durationMs,
      completedAt: metadata.now.toISOString(),
    },
  });
  dispatchReady(decision, metadata.now);
  settleIfDone(decision, metadata.now);
  return decision.events;
}

function failStep({ data, metadata }: FailStep, state: PlanState): PlanEvent[] {
  const step = runningStep(state, data.stepId, data.attempt);
  if (step === undefined || state.status !== 'Running') return [];
  return failAttempt(state, data.stepId, data.attempt, data.error, data.retryable, data.llmCalls, metadata.now);
}

function timeOutStep({ data, metadata }: TimeOutStep, state: PlanState): PlanEvent[] {
  const step = runningStep(state, data.stepId, data.attempt);
  if (step === undefined || state.status !== 'Running' || step.timeoutAt === undefined) return [];
  if (metadata.now.getTime() < Date.parse(step.timeoutAt)) return [];
  const error = { code: 'step_timeout', message: `attempt ${data.attempt} of step ${data.stepId} got no result before ${step.timeoutAt}` };
  return failAttempt(state, data.stepId, data.attempt, error, true, [], metadata.now);
}

function retryStep({ data, metadata }: RetryStep, state: PlanState): PlanEvent[] {
  if (state.status !== 'Running') return [];
  const step = state.steps[data.stepId];
  if (step?.status !== 'retry_scheduled' || step.attempt !== data.attempt || step.retryAt === undefined) return [];
  if (metadata.now.getTime() < Date.parse(step.retryAt)) return [];
  const decision = new Decision(state);
  dispatch(decision, data.stepId, data.attempt, metadata.now);
  return decision.events;
}

function cancelPlan({ data, metadata }: CancelPlan, state: PlanState): PlanEvent[] {
  if (state.status === 'NotCreated') throw notFound('plan_not_found', 'the plan does not exist');
  if (state.status !== 'Planned' && state.status !== 'Running') {
    throw conflict('plan_already_settled', `the plan is already ${state.status.toLowerCase()}`, { planStatus: state.status.toLowerCase() });
  }
  return [{ type: 'PlanCancelled', data: { cancelledAt: metadata.now.toISOString(), reason: data.reason } }];
}

/** The step if it is dispatched with exactly this attempt; anything else is a duplicate or a stale result. */
function runningStep(state: PlanState, stepId: string, attempt: number) {
  if (state.status === 'NotCreated') return undefined;
  const step = state.steps[stepId];
  return step?.status === 'dispatched' && step.attempt === attempt ? step : undefined;
}

function failAttempt(
  state: ExistingPlan,
  stepId: string,
  attempt: number,
  error: StepError,
  retryable: boolean,
  llmCalls: readonly LlmCall[],
  now: Date,
): PlanEvent[] {
  const decision = new Decision(state);
  const willRetry = retryable && attempt < state.policy.maxAttempts;
  decision.emit({
    type: 'StepFailed',
    data: { stepId, attempt, error, willRetry, llmCalls: [...llmCalls], usage: usageOf(llmCalls), failedAt: now.toISOString() },
  });
  if (willRetry) {
    const retryAt = new Date(now.getTime() + retryDelayMs(state.policy, attempt)).toISOString();
    decision.emit({ type: 'StepRetryScheduled', data: { stepId, attempt: attempt + 1, retryAt } });
    return decision.events;
  }
  for (const dependent of transitiveDependents(decision.state, stepId)) {
    if (decision.state.steps[dependent]?.status !== 'pending') continue;
    decision.emit({
      type: 'StepFailed',
      data: {
        stepId: dependent,
        attempt: 0,
        error: { code: 'dependency_failed', message: `not run: step "${stepId}" failed` },
        willRetry: false,
        llmCalls: [],
        usage: zeroUsage,
        failedAt: now.toISOString(),
      },
    });
  }
  settleIfDone(decision, now);
  return decision.events;
}

function dispatchReady(decision: Decision, now: Date): void {
  for (const stepId of readySteps(decision.state)) {
    dispatch(decision, stepId, (decision.state.steps[stepId]?.attempt ?? 0) + 1, now);
  }
}

function dispatch(decision: Decision, stepId: string, attempt: number, now: Date): void {
  const step = decision.state.steps[stepId];
  if (step === undefined) return;
  decision.emit({
    type: 'StepDispatched',
    data: {
      stepId,
      agent: step.spec.agent,
      ...(step.spec.task === undefined ? {} : { task: step.spec.task }),
      attempt,
      inputs: [...step.spec.dependsOn],
      dispatchedAt: now.toISOString(),
      timeoutAt: new Date(now.getTime() + decision.state.policy.stepTimeoutMs).toISOString(),
    },
  });
}

/** Ends the plan once no step can make progress: completed when all completed, failed when any failed. */
function settleIfDone(decision: Decision, now: Date): void {
  const { state } = decision;
  if (state.status !== 'Running') return;
  const steps = state.stepOrder.map((id) => state.steps[id]!);
  if (!steps.every((step) => step.status === 'completed' || step.status === 'failed')) return;
  const usage = steps.reduce((total, step) => addUsage(total, step.usage), zeroUsage);
  const failedSteps = steps.filter((step) => step.status === 'failed' && step.error?.code !== 'dependency_failed');
  if (failedSteps.length === 0) {
    decision.emit({ type: 'PlanCompleted', data: { completedAt: now.toISOString(), usage } });
  } else {
    decision.emit({
      type: 'PlanFailed',
      data: { failedAt: now.toISOString(), failedSteps: failedSteps.map((step) => step.spec.id), usage },
    });
  }
}
