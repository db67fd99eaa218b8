import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { PgEventStore, PgOutbox } from '@themis/event-store';
import { PlanSummariesProjector, planStreamId } from '@themis/projections';
import { silentLogger } from '@themis/telemetry';
import { createTestDatabase, type TestDatabase } from '@themis/testing';

const metadata = { actor: 'key:spec', correlationId: 'req', causationId: null, traceparent: null };
const created = (planId: string) => ({
  type: 'PlanCreated',
  schemaVersion: 1,
  data: {
    planId,
    template: 'pi-analysis',
    title: `Plan ${planId.slice(0, 8)}`,
    matter: { summary: 'x', parties: ['a'] },
    steps: [{ id: 'lda', agent: 'lda', description: 'facts', dependsOn: [] }],
    policy: { stepTimeoutMs: 1000, maxAttempts: 1, retryBaseDelayMs: 0 },
    createdAt: new Date().toISOString(),
  },
});

describe('a transaction that commits late', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('pg18');
  });
  afterAll(async () => {
    await db.drop();
  });

  it('is not skipped by the outbox relay', async () => {
    const store = new PgEventStore(db.pool);
    const outbox = new PgOutbox(db.pool);
    const slow = await db.pool.connect();
    const published: unknown[] = [];
    try {
      await slow.query('BEGIN');
      // The slow writer takes the lower outbox id…
      await slow.query(`INSERT INTO themis_outbox (stream_id, topic, message_key, headers, payload) VALUES ('plan-slow', 't', 'slow', '{}', '"slow"')`);
      // …a faster append commits after it.
      await store.appendToStream(`plan-${randomUUID()}`, [created(randomUUID())], { expectedVersion: 0, metadata, now: new Date(), outbox: () => [{ topic: 't', key: 'fast', headers: {}, payload: 'fast' }] });
      await outbox.relayBatch(100, async (row) => void published.push(row.payload));
      expect(published).toEqual(['fast']);
      await slow.query('COMMIT');
    } finally {
      slow.release();
    }
    await outbox.relayBatch(100, async (row) => void published.push(row.payload));
    expect(published).toEqual(['fast', 'slow']);
    expect(await outbox.pendingCount()).toBe(0);
  });

  it('is not skipped by the plan-list projection', async () => {
    const store = new PgEventStore(db.pool);
    const projector = new PlanSummariesProjector(db.pool, store, silentLogger);
    await projector.catchUp();
    const slowPlan = randomUUID();
    const fastPlan = randomUUID();
    const slow = await db.pool.connect();
    const listed = async () => (await db.pool.query<{ plan_id: string }>('SELECT plan_id FROM themis_plan_summaries WHERE plan_id = ANY($1::uuid[]) ORDER BY plan_id', [[slowPlan, fastPlan]])).rows.map((r) => r.plan_id);
    try {
      await slow.query('BEGIN');
      await slow.query(
        `INSERT INTO themis_events (event_id, stream_id, stream_version, type, schema_version, data, metadata, occurred_at, prev_hash, hash)
         VALUES (gen_random_uuid(), $1, 1, 'PlanCreated', 1, $2, $3, now(), repeat('0', 64), repeat('1', 64))`,
        [planStreamId(slowPlan), JSON.stringify(created(slowPlan).data), JSON.stringify(metadata)],
      );
      await store.appendToStream(planStreamId(fastPlan), [created(fastPlan)], { expectedVersion: 0, metadata, now: new Date() });
      await projector.catchUp();
      // The faster plan committed, but the projection waits for the slower one rather than pass it by.
      expect(await listed()).toEqual([]);
      await slow.query('COMMIT');
    } finally {
      slow.release();
    }
    for (let waited = 0; (await listed()).length < 2 && waited < 10_000; waited += 50) {
      await projector.catchUp();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await listed()).toEqual([slowPlan, fastPlan].sort());
  });
});
