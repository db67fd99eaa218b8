import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { AgentName, ExecutionPolicy, JsonValue } from '@themis/domain';
import { PgEventStore } from '@themis/event-store';
import { type AgentResult, type AgentTask, headers, InProcessBus, resultMessageId, startAgentWorker, type Subscription, topics } from '@themis/messaging';
import { MemoryPlanCache, type PlanCache, planStreamId, type PlanView, type RequestContext } from '@themis/projections';
import { silentLogger } from '@themis/telemetry';
import { createTestDatabase, type TestDatabase } from '@themis/testing';
import { createOrchestrator, type Orchestrator } from './orchestrator.ts';

type Run = (task: AgentTask) => Promise<{ artifact: JsonValue; llmCalls: [] }>;

const matter = {
  summary: 'Jane Doe was rear-ended at a red light on Main St and treated for whiplash.',
  parties: ['Jane Doe (Client)', 'ACME Trucking LLC'],
  documents: [{ title: 'Police report', date: '2024-03-01', summary: 'Driver cited.' }],
  events: [{ date: '2024-03-01', description: 'Collision' }],
  metadata: { jurisdiction: 'Texas' },
};
const context: RequestContext = { actor: 'key:test', correlationId: 'req-orchestrator-spec', traceparent: null };
const echo =
  (agent: AgentName): Run =>
  async (task) => ({ artifact: { agent, sawInputs: Object.keys(task.inputs).sort(), attempt: task.attempt }, llmCalls: [] });

interface Harness {
  readonly orchestrator: Orchestrator;
  readonly bus: InProcessBus;
  readonly tasks: AgentTask[];
  stop(): Promise<void>;
}

describe('orchestrator on PostgreSQL with the in-process bus', () => {
  let db: TestDatabase;
  let harness: Harness | undefined;

  beforeAll(async () => {
    db = await createTestDatabase('pg18');
  });
  afterEach(async () => {
    await harness?.stop();
    harness = undefined;
  });
  afterAll(async () => {
    await db.drop();
  });

  async function start(runs: Partial<Record<AgentName, Run>> = {}, policy: Partial<ExecutionPolicy> = {}): Promise<Harness> {
    const bus = new InProcessBus();
    const orchestrator = createOrchestrator({
      pool: db.pool,
      bus,
      cache: new MemoryPlanCache({ ttlSeconds: 60 }),
      policy: { stepTimeoutMs: 30_000, maxAttempts: 3, retryBaseDelayMs: 10, ...policy },
      logger: silentLogger,
    });
    await orchestrator.start();
    const tasks: AgentTask[] = [];
    const subscriptions: Subscription[] = [];
    for (const agent of ['lda', 'dea', 'lsa'] as const) {
      const run = runs[agent] ?? echo(agent);
      subscriptions.push(
        await startAgentWorker({
          agent,
          bus,
          logger: silentLogger,
          run: (task) => {
            tasks.push(task);
            return run(task);
          },
        }),
      );
    }
    harness = {
      orchestrator,
      bus,
      tasks,
      stop: async () => {
        await Promise.all(subscriptions.map((s) => s.stop()));
        await orchestrator.stop();
        await bus.close();
      },
    };
    return harness;
  }

  it('runs the three steps in order, handing each agent the artifacts it depends on', async () => {
    const { orchestrator, tasks } = await start();
    const outcome = await orchestrator.service.runMatter({ matter, template: 'pi-analysis' }, context, { waitMs: 20_000 });
    expect(outcome.settled).toBe(true);
    expect(outcome.view.status).toBe('completed');
    expect(outcome.view.steps.map((s) => [s.id, s.status, s.inputs])).toEqual([
      ['lda', 'completed', []],
      ['dea', 'completed', ['lda']],
      ['lsa', 'completed', ['lda', 'dea']],
    ]);
    const dea = tasks.find((t) => t.agent === 'dea')!;
    expect(dea.inputs['lda']).toEqual({ agent: 'lda', sawInputs: [], attempt: 1 });
    const lsa = tasks.find((t) => t.agent === 'lsa')!;
    expect(Object.keys(lsa.inputs).sort()).toEqual(['dea', 'lda']);
    expect(lsa.matter).toEqual(matter);
    expect(outcome.artifacts['lsa']).toEqual({ agent: 'lsa', sawInputs: ['dea', 'lda'], attempt: 1 });
  });

  it('records events with who caused them, chained by hash', async () => {
    const { orchestrator } = await start();
    const outcome = await orchestrator.service.runMatter({ matter, template: 'pi-analysis' }, context, { waitMs: 20_000 });
    const events = await orchestrator.service.getEvents(outcome.view.id);
    expect(events.map((e) => e.type)).toEqual([
      'PlanCreated',
      'PlanExecutionStarted',
      'StepDispatched',
      'StepCompleted',
      'StepDispatched',
      'StepCompleted',
      'StepDispatched',
      'StepCompleted',
      'PlanCompleted',
    ]);
    expect(events[0]!.metadata).toEqual({ actor: 'key:test', correlationId: 'req-orchestrator-spec', causationId: 'req-orchestrator-spec', traceparent: null });
    expect(events[3]!.metadata.actor).toBe('agent:lda');
    expect(events[3]!.metadata.correlationId).toBe('req-orchestrator-spec');
    expect(await orchestrator.service.audit(outcome.view.id)).toMatchObject({ valid: true, eventCount: 9, firstBreak: null });
  });

  it('ignores a result delivered twice: no second step, artifact or cost', async () => {
    const { orchestrator, bus } = await start();
    const outcome = await orchestrator.service.runMatter({ matter, template: 'pi-analysis' }, context, { waitMs: 20_000 });
    const before = await orchestrator.service.getEvents(outcome.view.id);
    const duplicate: AgentResult = {
      planId: outcome.view.id,
      stepId: 'lda',
      attempt: 1,
      agent: 'lda',
      outcome: 'completed',
      artifact: { agent: 'lda', tampered: true },
      llmCalls: [],
      durationMs: 1,
    };
    await bus.publish([{ topic: topics.agentResults, key: outcome.view.id, headers: { [headers.messageId]: resultMessageId(duplicate) }, payload: duplicate }]);
    const deadline = Date.now() + 5_000;
    while (bus.lag('themis-orchestrator', topics.agentResults) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(bus.lag('themis-orchestrator', topics.agentResults)).toBe(0);
    expect(await orchestrator.service.getEvents(outcome.view.id)).toHaveLength(before.length);
    expect((await orchestrator.service.getArtifacts(outcome.view.id)).artifacts['lda']).toEqual({ agent: 'lda', sawInputs: [], attempt: 1 });
  });

  it('retries a step whose agent failed, and completes the plan', async () => {
    let calls = 0;
    const { orchestrator } = await start({
      dea: async (task) => {
        calls += 1;
        if (calls === 1) throw new Error('model overloaded');
        return echo('dea')(task);
      },
    });
    const outcome = await orchestrator.service.runMatter({ matter, template: 'pi-analysis' }, context, { waitMs: 20_000 });
    expect(outcome.view.status).toBe('completed');
    const dea = outcome.view.steps.find((s) => s.id === 'dea')!;
    expect(dea.attempt).toBe(2);
    const types = (await orchestrator.service.getEvents(outcome.view.id)).map((e) => e.type);
    expect(types.filter((t) => t === 'StepRetryScheduled')).toHaveLength(1);
  });

  it('fails the step, its dependents and the plan once attempts run out', async () => {
    const { orchestrator } = await start(
      {
        dea: async () => {
          throw new Error('always broken');
        },
      },
      { maxAttempts: 2 },
    );
    const outcome = await orchestrator.service.runMatter({ matter, template: 'pi-analysis' }, context, { waitMs: 20_000 });
    expect(outcome.view.status).toBe('failed');
    expect(outcome.view.failedSteps).toEqual(['dea']);
    expect(outcome.view.steps.map((s) => [s.id, s.status, s.error?.code ?? null])).toEqual([
      ['lda', 'completed', null],
      ['dea', 'failed', 'agent_error'],
      ['lsa', 'failed', 'dependency_failed'],
    ]);
  });

  it('times out a step that gets no result, then retries it', async () => {
    let calls = 0;
    const { orchestrator } = await start(
      {
        lda: async (task) => {
          calls += 1;
          if (calls === 1) await new Promise((resolve) => setTimeout(resolve, 1_500)); // first attempt hangs past the timeout
          return echo('lda')(task);
        },
      },
      { stepTimeoutMs: 400 },
    );
    const outcome = await orchestrator.service.runMatter({ matter, template: 'pi-analysis' }, context, { waitMs: 20_000 });
    expect(outcome.view.status).toBe('completed');
    const events = await orchestrator.service.getEvents(outcome.view.id);
    const failed = events.find((e) => e.type === 'StepFailed');
    expect(failed?.data).toMatchObject({ stepId: 'lda', attempt: 1, error: { code: 'step_timeout' }, willRetry: true });
    expect(failed?.metadata.actor).toBe('system:step-timer');
    // The late result of attempt 1 is ignored: exactly one StepCompleted for lda.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const after = await orchestrator.service.getEvents(outcome.view.id);
    expect(after.filter((e) => e.type === 'StepCompleted' && (e.data as { stepId: string }).stepId === 'lda')).toHaveLength(1);
  });

  it('starts a plan once when many executes arrive together', async () => {
    // The first agent waits until every execute has been answered, so none of them can find the
    // plan already completed (that one would rightly get 409 plan_already_settled).
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { orchestrator } = await start({ lda: async (task) => gate.then(() => echo('lda')(task)) });
    const plan = await orchestrator.service.createPlan({ matter, template: 'pi-analysis' }, context);
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => orchestrator.service.executePlan(plan.id, context, { waitMs: 0 })));
    expect(outcomes.map((o) => o.view.status)).toEqual(Array.from({ length: 20 }, () => 'running'));
    release();
    const watching = new AbortController();
    let final: PlanView | undefined;
    await orchestrator.service.watch(
      plan.id,
      (view) => {
        final = view;
        if (view.status !== 'running') watching.abort();
      },
      watching.signal,
    );
    expect(final?.status).toBe('completed');
    const types = (await orchestrator.service.getEvents(plan.id)).map((e) => e.type);
    expect(types.filter((t) => t === 'PlanExecutionStarted')).toHaveLength(1);
    expect(types.filter((t) => t === 'StepCompleted')).toHaveLength(3);
  });

  it('refuses to execute a completed plan', async () => {
    const { orchestrator } = await start();
    const outcome = await orchestrator.service.runMatter({ matter, template: 'pi-analysis' }, context, { waitMs: 20_000 });
    await expect(orchestrator.service.executePlan(outcome.view.id, context, { waitMs: 0 })).rejects.toMatchObject({ kind: 'conflict', code: 'plan_already_settled' });
  });

  it('rebuilds a plan from its events after a restart, and re-arms the timeout of a step left running', async () => {
    const first = await start({ dea: () => new Promise(() => undefined) }, { stepTimeoutMs: 600, maxAttempts: 2 });
    const running = await first.orchestrator.service.runMatter({ matter, template: 'pi-analysis' }, context, { waitMs: 300 });
    expect(running.settled).toBe(false);
    await first.stop();
    harness = undefined;

    const second = await start({}, { stepTimeoutMs: 600, maxAttempts: 2 });
    const rebuilt = await second.orchestrator.service.getPlan(running.view.id);
    expect(rebuilt.steps.find((s) => s.id === 'lda')?.status).toBe('completed');
    const settled = await second.orchestrator.service.executePlan(running.view.id, context, { waitMs: 20_000 });
    expect(settled.view.status).toBe('completed');
    expect(settled.view.steps.find((s) => s.id === 'dea')?.attempt).toBe(2);
  });

  it('arms the timeout of a step another process dispatched, even when a shared cache already holds that state', async () => {
    // A gateway-like process records the commands; it writes the new state through to the cache
    // both share (as Redis is shared) before the full orchestrator hears of the append.
    const shared = new MemoryPlanCache({ ttlSeconds: 60 });
    // Reads answer a moment late, as a network cache does: by then the writer has written through.
    const cache: PlanCache = {
      stats: shared.stats,
      get: async (planId) => {
        await new Promise((resolve) => setTimeout(resolve, 100));
        return shared.get(planId);
      },
      set: (planId, entry) => shared.set(planId, entry),
      close: () => shared.close(),
    };
    const policy = { stepTimeoutMs: 400, maxAttempts: 1, retryBaseDelayMs: 10 };
    const full = createOrchestrator({ pool: db.pool, bus: new InProcessBus(), cache, policy, logger: silentLogger });
    const commands = createOrchestrator({ pool: db.pool, cache, policy, logger: silentLogger, role: 'commands' });
    await full.start();
    await commands.start();
    try {
      // No agent listens: only the timeout can settle the step.
      const started = await commands.service.runMatter({ matter, template: 'pi-analysis' }, context, { waitMs: 0 });
      const settled = await commands.service.executePlan(started.view.id, context, { waitMs: 20_000 }).catch(async () => ({
        view: await commands.service.getPlan(started.view.id),
      }));
      const plan = settled.view.status === 'failed' ? settled.view : await full.service.getPlan(started.view.id);
      expect(plan.status).toBe('failed');
      expect(plan.steps.find((s) => s.id === 'lda')?.error?.code).toBe('step_timeout');
    } finally {
      await commands.stop();
      await full.stop();
    }
  });

  it('lists plans newest first with a cursor', async () => {
    const { orchestrator } = await start();
    const created = [];
    for (let i = 0; i < 3; i += 1) created.push(await orchestrator.service.createPlan({ matter, template: 'pi-analysis' }, context));
    // The plan list is folded from the global log, which other suites' transactions on the same
    // server can hold back for a moment: wait until it shows our three plans.
    const mine = new Set(created.map((p) => p.id));
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && (await orchestrator.service.listPlans({ limit: 10, status: 'planned' })).items.filter((p) => mine.has(p.id)).length < 3) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const first = await orchestrator.service.listPlans({ limit: 2, status: 'planned' });
    expect(first.items.map((p) => p.id)).toEqual([created[2]!.id, created[1]!.id]);
    const second = await orchestrator.service.listPlans({ limit: 2, status: 'planned', cursor: first.nextCursor! });
    expect(second.items[0]!.id).toBe(created[0]!.id);
  });

  it('shows a plan as it was at an earlier version', async () => {
    const { orchestrator } = await start();
    const outcome = await orchestrator.service.runMatter({ matter, template: 'pi-analysis' }, context, { waitMs: 20_000 });
    const atTwo = await orchestrator.service.getPlan(outcome.view.id, { version: 2 });
    expect(atTwo.status).toBe('running');
    expect(atTwo.version).toBe(2);
    const store = new PgEventStore(db.pool);
    expect((await store.readStream(planStreamId(outcome.view.id))).length).toBe(9);
  });
});
