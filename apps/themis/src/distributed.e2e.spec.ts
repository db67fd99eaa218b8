// The distributed runtime as separate processes — gateway, orchestrator, three agents — on real
// PostgreSQL, Kafka and Redis, through the faults it must survive. Every scenario ends by checking
// the plan's whole history: contiguous versions, an intact hash chain, each step completed exactly once.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import path from 'node:path';
import pg from 'pg';
import { Cluster } from '@themis/testing';
import { sampleMatter } from './commands/sample-request.ts';

const slowAgent = path.resolve(import.meta.dirname, '../../../libs/testing/src/distributed/slow-agent.ts');

interface PlanBody {
  id: string;
  status: string;
  steps: { id: string; status: string; attempt: number }[];
}

interface EventBody {
  type: string;
  streamVersion: number;
  data: { stepId?: string };
}

describe('the distributed runtime under faults', () => {
  let cluster: Cluster;
  const api = (route: string, init?: RequestInit) => fetch(`${cluster.gatewayUrl}${route}`, init);
  const post = (route: string, body: unknown, headers: Record<string, string> = {}) =>
    api(route, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

  async function runAsync(): Promise<string> {
    const res = await post('/v1/runs', { matter: sampleMatter }, { Prefer: 'respond-async' });
    expect(res.status).toBe(202);
    return ((await res.json()) as { plan: PlanBody }).plan.id;
  }

  async function planOf(id: string): Promise<PlanBody> {
    return (await (await api(`/v1/plans/${id}`)).json()) as PlanBody;
  }

  async function waitFor(id: string, done: (plan: PlanBody) => boolean, timeoutMs = 120_000): Promise<PlanBody> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const res = await api(`/v1/plans/${id}`).catch(() => undefined);
      if (res?.status === 200) {
        const plan = (await res.json()) as PlanBody;
        if (done(plan) || Date.now() > deadline) return plan;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Contiguous versions, an intact chain, every step completed exactly once, one start, one completion. */
  async function expectCleanHistory(id: string): Promise<void> {
    const events = ((await (await api(`/v1/plans/${id}/events`)).json()) as { events: EventBody[] }).events;
    expect(events.map((e) => e.streamVersion)).toEqual(events.map((_, i) => i + 1));
    const completed = events.filter((e) => e.type === 'StepCompleted').map((e) => e.data.stepId).sort();
    expect(completed).toEqual(['assembly', 'dea', 'lda', 'lsa']);
    expect(events.filter((e) => e.type === 'PlanExecutionStarted')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'PlanCompleted')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'StepFailed')).toEqual([]);
    expect(((await (await api(`/v1/plans/${id}/audit`)).json()) as { valid: boolean }).valid).toBe(true);
  }

  beforeAll(async () => {
    cluster = await Cluster.start();
  });
  afterEach(() => {
    // A crash of any app (an unhandled error while a service is down, say) fails the scenario.
    expect(cluster.unexpectedExits).toEqual([]);
  });
  afterAll(async () => {
    await cluster.close();
  });

  it('runs a plan end to end through Kafka, each agent in its own process', async () => {
    const res = await post('/v1/runs', { matter: sampleMatter });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { plan: PlanBody; artifacts: Record<string, unknown> };
    expect(body.plan.status).toBe('completed');
    expect(Object.keys(body.artifacts).sort()).toEqual(['assembly', 'dea', 'lda', 'lsa']);
    await expectCleanHistory(body.plan.id);
  });

  it('finishes a step whose agent was killed mid-step, once the agent is back', async () => {
    await cluster.killApp('agent-dea', 'SIGTERM');
    await cluster.startApp('agent-dea', { script: slowAgent, args: ['dea', '4000'] });
    const id = await runAsync();
    await waitFor(id, (plan) => plan.steps.find((s) => s.id === 'dea')?.status === 'dispatched');
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // the slow DEA has the task now
    await cluster.killApp('agent-dea'); // SIGKILL, mid-step
    await cluster.startApp('agent-dea');
    const plan = await waitFor(id, (p) => p.status !== 'running');
    expect(plan.status).toBe('completed');
    expect(plan.steps.find((s) => s.id === 'dea')?.attempt).toBe(1);
    await expectCleanHistory(id);
  });

  it('publishes what was appended but not yet published when the orchestrator died', async () => {
    await cluster.killApp('orchestrator');
    const id = await runAsync(); // the gateway appends with the outbox; nobody relays it
    const db = new pg.Client({ connectionString: cluster.databaseUrl });
    await db.connect();
    try {
      const unsent = await db.query("SELECT count(*)::int AS n FROM themis_outbox WHERE stream_id = $1 AND sent_at IS NULL", [`plan-${id}`]);
      expect(unsent.rows[0].n).toBeGreaterThan(0);
    } finally {
      await db.end();
    }
    await cluster.startApp('orchestrator');
    const plan = await waitFor(id, (p) => p.status !== 'running');
    expect(plan.status).toBe('completed');
    await expectCleanHistory(id);
  });

  it('completes a plan across a broker crash and restart', async () => {
    await cluster.killApp('agent-lsa', 'SIGTERM');
    await cluster.startApp('agent-lsa', { script: slowAgent, args: ['lsa', '3000'] });
    const id = await runAsync();
    await waitFor(id, (plan) => plan.steps.find((s) => s.id === 'lsa')?.status === 'dispatched');
    await cluster.killKafka();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await cluster.startKafka();
    const plan = await waitFor(id, (p) => p.status !== 'running', 180_000);
    expect(plan.status).toBe('completed');
    await expectCleanHistory(id);
    await cluster.killApp('agent-lsa', 'SIGTERM');
    await cluster.startApp('agent-lsa');
  });

  it('keeps serving reads and runs while Redis is down', async () => {
    const before = await runAsync();
    await waitFor(before, (p) => p.status === 'completed');
    await cluster.stopRedis();
    try {
      expect((await planOf(before)).status).toBe('completed');
      const res = await post('/v1/runs', { matter: sampleMatter });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { plan: PlanBody };
      expect(body.plan.status).toBe('completed');
      await expectCleanHistory(body.plan.id);
    } finally {
      await cluster.startRedis();
    }
  });

  it('answers 503 with Retry-After while PostgreSQL is down, and recovers when it is back', async () => {
    const id = await runAsync();
    await waitFor(id, (p) => p.status === 'completed');
    await cluster.stopPostgres();
    try {
      const down = await api(`/v1/plans/${id}?asOf=11`);
      expect(down.status).toBe(503);
      expect(down.headers.get('retry-after')).toBe('5');
      expect(((await down.json()) as { code: string }).code).toBe('database_unavailable');
      expect((await api('/health/ready')).status).toBe(503);
    } finally {
      await cluster.startPostgres();
    }
    const back = await waitFor(id, () => true, 30_000);
    expect(back.status).toBe('completed');
    const res = await post('/v1/runs', { matter: sampleMatter });
    expect(res.status).toBe(200);
    await expectCleanHistory(((await res.json()) as { plan: PlanBody }).plan.id);
  });

  it('starts one execution for 50 concurrent executes of one plan', async () => {
    const created = (await (await post('/v1/plans', { matter: sampleMatter })).json()) as PlanBody;
    const answers = await Promise.all(Array.from({ length: 50 }, () => post(`/v1/plans/${created.id}/execute`, {}, { Prefer: 'respond-async' })));
    // Each answer joins the one execution; one that arrives after the plan finished is told so (409).
    const outcomes = await Promise.all(answers.map(async (res) => (res.status === 409 ? `409 ${((await res.json()) as { code: string }).code}` : String(res.status))));
    expect(outcomes.filter((o) => o !== '202' && o !== '200' && o !== '409 plan_already_settled')).toEqual([]);
    expect(outcomes.filter((o) => o === '202').length).toBeGreaterThan(0);
    const plan = await waitFor(created.id, (p) => p.status !== 'running');
    expect(plan.status).toBe('completed');
    await expectCleanHistory(created.id);
  });
});
