import { describe, expect, it } from '@jest/globals';
import { deciderSpec } from '@themis/testing/decider-spec';
import { isDomainError } from '../errors.ts';
import type { PlanCommand } from './plan.commands.ts';
import { decidePlan } from './plan.decide.ts';
import type { PlanEvent, StepDispatched } from './plan.events.ts';
import type { ExecutionPolicy, LlmCall, StepSpec } from './plan.schemas.ts';
import { evolvePlan, initialPlanState, type PlanState } from './plan.state.ts';

const spec = deciderSpec<PlanCommand, PlanEvent, PlanState>({ decide: decidePlan, evolve: evolvePlan, initialState: initialPlanState });

const planId = '0193a5b0-7c1d-7cc0-9a51-3f0f3b1c2d4e';
const t0 = new Date('2026-03-01T10:00:00.000Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const iso = (seconds: number) => at(seconds).toISOString();
const policy: ExecutionPolicy = { stepTimeoutMs: 30_000, maxAttempts: 3, retryBaseDelayMs: 1_000 };
const steps: StepSpec[] = [
  { id: 'lda', agent: 'lda', description: 'facts', dependsOn: [] },
  { id: 'dea', agent: 'dea', description: 'issues', dependsOn: ['lda'] },
  { id: 'lsa', agent: 'lsa', description: 'strategy', dependsOn: ['lda', 'dea'] },
];
const matter = { summary: 'Rear-ended at a red light on Main St.', parties: ['Jane Doe (Client)', 'ACME Trucking LLC'] };
const call: LlmCall = {
  provider: 'anthropic',
  model: 'claude-test',
  purpose: 'narrative',
  promptHash: 'abc',
  inputTokens: 1200,
  outputTokens: 300,
  cacheReadTokens: 800,
  cacheWriteTokens: 0,
  costUsd: 0.0081,
  durationMs: 900,
};
const usageOfOneCall = { calls: 1, inputTokens: 1200, outputTokens: 300, cacheReadTokens: 800, cacheWriteTokens: 0, costUsd: 0.0081 };
const noUsage = { calls: 0, inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0 };

const created: PlanEvent = {
  type: 'PlanCreated',
  data: { planId, template: 'pi-demand', title: 'Doe v. ACME', matter, steps, policy, createdAt: iso(0) },
};
const started: PlanEvent = { type: 'PlanExecutionStarted', data: { startedAt: iso(1) } };
const dispatched = (stepId: string, attempt: number, seconds: number): StepDispatched => ({
  type: 'StepDispatched',
  data: {
    stepId,
    agent: stepId as 'lda' | 'dea' | 'lsa',
    attempt,
    inputs: steps.find((step) => step.id === stepId)!.dependsOn,
    dispatchedAt: iso(seconds),
    timeoutAt: iso(seconds + 30),
  },
});
const completed = (stepId: string, attempt: number, seconds: number, llmCalls: LlmCall[] = []): PlanEvent => ({
  type: 'StepCompleted',
  data: {
    stepId,
    attempt,
    artifact: { agent: stepId },
    llmCalls,
    usage: llmCalls.length === 0 ? noUsage : usageOfOneCall,
    durationMs: 5,
    completedAt: iso(seconds),
  },
});
const complete = (stepId: string, attempt: number, seconds: number, llmCalls: LlmCall[] = []): PlanCommand => ({
  type: 'CompleteStep',
  data: { stepId, attempt, artifact: { agent: stepId }, llmCalls, durationMs: 5 },
  metadata: { now: at(seconds) },
});
const fail = (stepId: string, attempt: number, seconds: number, retryable = true): PlanCommand => ({
  type: 'FailStep',
  data: { stepId, attempt, error: { code: 'agent_error', message: 'boom' }, retryable, llmCalls: [] },
  metadata: { now: at(seconds) },
});
const execute = (seconds: number): PlanCommand => ({ type: 'ExecutePlan', data: {}, metadata: { now: at(seconds) } });
const hasCode = (code: string) => (error: unknown) => isDomainError(error) && error.code === code;

describe('plan decider', () => {
  describe('when the plan does not exist', () => {
    it('creates the plan with its matter exactly as given', () => {
      spec
        .given([])
        .when({
          type: 'CreatePlan',
          data: { planId, template: 'pi-demand', title: 'Doe v. ACME', matter, steps, policy },
          metadata: { now: at(0) },
        })
        .then([created]);
    });

    it('rejects a template whose steps form a cycle, naming the problem', () => {
      const cyclic: StepSpec[] = [
        { id: 'a', agent: 'lda', description: '', dependsOn: ['b'] },
        { id: 'b', agent: 'dea', description: '', dependsOn: ['a'] },
      ];
      spec
        .given([])
        .when({ type: 'CreatePlan', data: { planId, template: 't', title: 't', matter, steps: cyclic, policy }, metadata: { now: at(0) } })
        .thenThrows((error) => isDomainError(error) && error.kind === 'validation' && error.issues[0]?.message.includes('cycle') === true);
    });

    it('rejects a dependency on an unknown step', () => {
      const dangling: StepSpec[] = [{ id: 'a', agent: 'lda', description: '', dependsOn: ['ghost'] }];
      spec
        .given([])
        .when({ type: 'CreatePlan', data: { planId, template: 't', title: 't', matter, steps: dangling, policy }, metadata: { now: at(0) } })
        .thenThrows((error) => isDomainError(error) && error.issues[0]?.path === 'steps.0.dependsOn.0');
    });

    it('answers not found to execute', () => {
      spec.given([]).when(execute(1)).thenThrows(hasCode('plan_not_found'));
    });
  });

  describe('when the plan is planned', () => {
    it('starts execution and dispatches only the steps with no dependencies', () => {
      spec.given([created]).when(execute(1)).then([started, dispatched('lda', 1, 1)]);
    });

    it('refuses to create the same plan twice', () => {
      spec
        .given([created])
        .when({ type: 'CreatePlan', data: { planId, template: 'pi-demand', title: 'x', matter, steps, policy }, metadata: { now: at(2) } })
        .thenThrows(hasCode('plan_already_exists'));
    });

    it('ignores a result for a step that was never dispatched', () => {
      spec.given([created]).when(complete('lda', 1, 2)).thenNothingHappened();
    });
  });

  describe('when the plan is running', () => {
    const running = [created, started, dispatched('lda', 1, 1)];

    it('records the result and dispatches the steps it unblocks, naming their inputs', () => {
      spec
        .given(running)
        .when(complete('lda', 1, 3, [call]))
        .then([completed('lda', 1, 3, [call]), dispatched('dea', 1, 3)]);
    });

    it('ignores a result for a step that already completed', () => {
      spec
        .given([...running, completed('lda', 1, 3), dispatched('dea', 1, 3)])
        .when(complete('lda', 1, 4))
        .thenNothingHappened();
    });

    it('ignores a result for an earlier attempt', () => {
      spec
        .given([
          ...running,
          {
            type: 'StepFailed',
            data: { stepId: 'lda', attempt: 1, error: { code: 'x', message: 'x' }, willRetry: true, llmCalls: [], usage: noUsage, failedAt: iso(2) },
          },
          { type: 'StepRetryScheduled', data: { stepId: 'lda', attempt: 2, retryAt: iso(3) } },
          dispatched('lda', 2, 3),
        ])
        .when(complete('lda', 1, 4))
        .thenNothingHappened();
    });

    it('joins the running execution when asked to execute again', () => {
      spec.given(running).when(execute(2)).thenNothingHappened();
    });

    it('completes the plan when the last step completes, with the summed usage', () => {
      spec
        .given([...running, completed('lda', 1, 3, [call]), dispatched('dea', 1, 3), completed('dea', 1, 5, [call]), dispatched('lsa', 1, 5)])
        .when(complete('lsa', 1, 7, [call]))
        .then([
          completed('lsa', 1, 7, [call]),
          {
            type: 'PlanCompleted',
            data: {
              completedAt: iso(7),
              usage: { calls: 3, inputTokens: 3600, outputTokens: 900, cacheReadTokens: 2400, cacheWriteTokens: 0, costUsd: 0.0243 },
            },
          },
        ]);
    });

    it('schedules a bounded retry with exponential backoff after a retryable failure', () => {
      spec
        .given([...running])
        .when(fail('lda', 1, 4))
        .then([
          {
            type: 'StepFailed',
            data: { stepId: 'lda', attempt: 1, error: { code: 'agent_error', message: 'boom' }, willRetry: true, llmCalls: [], usage: noUsage, failedAt: iso(4) },
          },
          { type: 'StepRetryScheduled', data: { stepId: 'lda', attempt: 2, retryAt: iso(5) } },
        ]);
    });

    it('doubles the delay before the third attempt', () => {
      spec
        .given([
          ...running,
          {
            type: 'StepFailed',
            data: { stepId: 'lda', attempt: 1, error: { code: 'x', message: 'x' }, willRetry: true, llmCalls: [], usage: noUsage, failedAt: iso(4) },
          },
          { type: 'StepRetryScheduled', data: { stepId: 'lda', attempt: 2, retryAt: iso(5) } },
          dispatched('lda', 2, 5),
        ])
        .when(fail('lda', 2, 6))
        .then((events) => expect(events[1]).toEqual({ type: 'StepRetryScheduled', data: { stepId: 'lda', attempt: 3, retryAt: iso(8) } }));
    });

    it('does not dispatch a retry before it is due, and dispatches it once due', () => {
      const scheduled: PlanEvent[] = [
        ...running,
        {
          type: 'StepFailed',
          data: { stepId: 'lda', attempt: 1, error: { code: 'x', message: 'x' }, willRetry: true, llmCalls: [], usage: noUsage, failedAt: iso(4) },
        },
        { type: 'StepRetryScheduled', data: { stepId: 'lda', attempt: 2, retryAt: iso(5) } },
      ];
      spec.given(scheduled).when({ type: 'RetryStep', data: { stepId: 'lda', attempt: 2 }, metadata: { now: at(4.5) } }).thenNothingHappened();
      spec.given(scheduled).when({ type: 'RetryStep', data: { stepId: 'lda', attempt: 2 }, metadata: { now: at(5) } }).then([dispatched('lda', 2, 5)]);
    });

    it('fails the step, its dependents and the plan when the last attempt fails', () => {
      const thirdAttempt: PlanEvent[] = [
        ...running,
        completed('lda', 1, 3),
        { type: 'StepDispatched', data: { ...dispatched('dea', 3, 9).data } },
      ];
      spec
        .given(thirdAttempt)
        .when(fail('dea', 3, 10))
        .then([
          {
            type: 'StepFailed',
            data: { stepId: 'dea', attempt: 3, error: { code: 'agent_error', message: 'boom' }, willRetry: false, llmCalls: [], usage: noUsage, failedAt: iso(10) },
          },
          {
            type: 'StepFailed',
            data: {
              stepId: 'lsa',
              attempt: 0,
              error: { code: 'dependency_failed', message: 'not run: step "dea" failed' },
              willRetry: false,
              llmCalls: [],
              usage: noUsage,
              failedAt: iso(10),
            },
          },
          { type: 'PlanFailed', data: { failedAt: iso(10), failedSteps: ['dea'], usage: noUsage } },
        ]);
    });

    it('does not retry a failure the agent marked as permanent', () => {
      spec
        .given(running)
        .when(fail('lda', 1, 2, false))
        .then((events) => {
          expect(events.map((event) => event.type)).toEqual(['StepFailed', 'StepFailed', 'StepFailed', 'PlanFailed']);
        });
    });

    it('keeps the cost of a failed attempt in the step usage', () => {
      const failing: PlanCommand = {
        type: 'FailStep',
        data: { stepId: 'lda', attempt: 1, error: { code: 'e', message: 'e' }, retryable: true, llmCalls: [call] },
        metadata: { now: at(2) },
      };
      const events = decidePlan(failing, running.reduce(evolvePlan, initialPlanState()));
      const state = events.reduce(evolvePlan, running.reduce(evolvePlan, initialPlanState()));
      expect(state.status === 'Running' && state.steps['lda']?.usage).toEqual(usageOfOneCall);
    });

    it('times out an attempt only after its deadline', () => {
      spec.given(running).when({ type: 'TimeOutStep', data: { stepId: 'lda', attempt: 1 }, metadata: { now: at(30) } }).thenNothingHappened();
      spec
        .given(running)
        .when({ type: 'TimeOutStep', data: { stepId: 'lda', attempt: 1 }, metadata: { now: at(31) } })
        .then((events) => {
          expect(events[0]).toMatchObject({ type: 'StepFailed', data: { stepId: 'lda', attempt: 1, willRetry: true, error: { code: 'step_timeout' } } });
          expect(events[1]).toEqual({ type: 'StepRetryScheduled', data: { stepId: 'lda', attempt: 2, retryAt: iso(32) } });
        });
    });

    it('waits for a step still running elsewhere before failing the plan', () => {
      const parallel: StepSpec[] = [
        { id: 'lda', agent: 'lda', description: '', dependsOn: [] },
        { id: 'dea', agent: 'dea', description: '', dependsOn: [] },
      ];
      const given: PlanEvent[] = [
        { type: 'PlanCreated', data: { ...(created.data as { planId: string }), planId, template: 'p', title: 'p', matter, steps: parallel, policy, createdAt: iso(0) } },
        started,
        { type: 'StepDispatched', data: { ...dispatched('lda', 1, 1).data, inputs: [] } },
        { type: 'StepDispatched', data: { ...dispatched('dea', 1, 1).data, inputs: [] } },
      ];
      spec
        .given(given)
        .when(fail('lda', 1, 2, false))
        .then((events) => expect(events.map((event) => event.type)).toEqual(['StepFailed']));
    });
  });

  describe('when the plan is settled', () => {
    const done: PlanEvent[] = [
      created,
      started,
      dispatched('lda', 1, 1),
      completed('lda', 1, 2),
      dispatched('dea', 1, 2),
      completed('dea', 1, 3),
      dispatched('lsa', 1, 3),
      completed('lsa', 1, 4),
      { type: 'PlanCompleted', data: { completedAt: iso(4), usage: noUsage } },
    ];

    it('treats executing a completed plan as a conflict', () => {
      spec.given(done).when(execute(5)).thenThrows((error) => isDomainError(error) && error.kind === 'conflict' && error.code === 'plan_already_settled');
    });

    it('ignores a late result', () => {
      spec.given(done).when(complete('lsa', 1, 6)).thenNothingHappened();
    });

    it('refuses to cancel', () => {
      spec.given(done).when({ type: 'CancelPlan', data: { reason: 'client withdrew' }, metadata: { now: at(6) } }).thenThrows(hasCode('plan_already_settled'));
    });
  });

  describe('when the plan is cancelled', () => {
    it('ignores results that arrive afterwards', () => {
      spec
        .given([created, started, dispatched('lda', 1, 1), { type: 'PlanCancelled', data: { cancelledAt: iso(2), reason: 'client withdrew' } }])
        .when(complete('lda', 1, 3))
        .thenNothingHappened();
    });
  });
});
