// The behaviour every PostgreSQL the event store runs on must show. Run by one spec per server:
// the embedded PostgreSQL 18 and Debian's PostgreSQL 15.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase, type TestServer } from '@themis/testing';
import type { EventMetadata, NewEvent, OutboxMessage } from './event-store.ts';
import { START_OF_LOG } from './event-store.ts';
import { verifyChain } from './hash-chain.ts';
import { PgOutbox } from './outbox.ts';
import { PgEventStore } from './pg-event-store.ts';

const metadata: EventMetadata = {
  actor: 'key:3f9a1c2b',
  correlationId: 'req-1',
  causationId: null,
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
};
const now = new Date('2026-03-01T10:00:00.000Z');
const event = (type: string, data: unknown): NewEvent => ({ type, data, schemaVersion: 1 });
let streamCounter = 0;
const newStream = () => `plan-${process.pid}-${Date.now()}-${(streamCounter += 1)}`;

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function describeEventStoreContract(server: TestServer, expectedMajor: number): void {
  describe(`event store on ${server}`, () => {
    let db: TestDatabase;
    let store: PgEventStore;

    beforeAll(async () => {
      db = await createTestDatabase(server);
      store = new PgEventStore(db.pool);
    });
    afterAll(async () => {
      await db.drop();
    });

    it(`runs on PostgreSQL ${expectedMajor}`, async () => {
      const result = await db.pool.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
      expect(Math.floor(Number(result.rows[0]!.v) / 10000)).toBe(expectedMajor);
    });

    it('appends events and reads them back in order with their metadata and positions', async () => {
      const stream = newStream();
      const result = await store.appendToStream(stream, [event('PlanCreated', { a: 1 }), event('PlanExecutionStarted', { b: 2 })], {
        expectedVersion: 0,
        metadata,
        now,
      });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.nextExpectedVersion).toBe(2);
      const read = await store.readStream(stream);
      expect(read.map((e) => [e.streamVersion, e.type, e.data])).toEqual([
        [1, 'PlanCreated', { a: 1 }],
        [2, 'PlanExecutionStarted', { b: 2 }],
      ]);
      expect(read[0]!.metadata).toEqual(metadata);
      expect(read[0]!.occurredAt).toBe(now.toISOString());
      expect(read[0]!.eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(read[1]!.globalPosition).toBeGreaterThan(read[0]!.globalPosition);
      expect(read).toEqual(result.events);
    });

    it('stores user data exactly as given: key order, control characters, unpaired surrogates, long text', async () => {
      const stream = newStream();
      const matter = {
        summary: 'Line one\nLine two\r\n\t<script>alert(1)</script> — naïve café ☕ 𝄞',
        zeta: 1,
        alpha: [3.25, -0, 1e21, 12345678901234],
        nul: 'a\u0000b',
        lone: 'x\ud800y',
        long: 'é'.repeat(20_000),
        nested: { z: null, a: { deeper: [true, false, ''] } },
      };
      await store.appendToStream(stream, [event('PlanCreated', { matter })], { expectedVersion: 0, metadata, now });
      const [read] = await store.readStream(stream);
      expect(JSON.stringify((read!.data as { matter: unknown }).matter)).toBe(JSON.stringify(matter));
    });

    it('refuses an append at the wrong expected version and reports the actual one', async () => {
      const stream = newStream();
      await store.appendToStream(stream, [event('A', {})], { expectedVersion: 0, metadata, now });
      const stale = await store.appendToStream(stream, [event('B', {})], { expectedVersion: 0, metadata, now });
      expect(stale).toEqual({ ok: false, expectedVersion: 0, actualVersion: 1 });
      const ahead = await store.appendToStream(stream, [event('B', {})], { expectedVersion: 5, metadata, now });
      expect(ahead).toEqual({ ok: false, expectedVersion: 5, actualVersion: 1 });
      expect(await store.readStream(stream)).toHaveLength(1);
    });

    it('lets exactly one of 20 concurrent appends at the same expected version win', async () => {
      const stream = newStream();
      await store.appendToStream(stream, [event('PlanCreated', {})], { expectedVersion: 0, metadata, now });
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          store.appendToStream(stream, [event('PlanExecutionStarted', { contender: i })], { expectedVersion: 1, metadata, now }),
        ),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const losers = results.filter((r) => !r.ok);
      expect(losers).toHaveLength(19);
      for (const loser of losers) expect(loser).toEqual({ ok: false, expectedVersion: 1, actualVersion: 2 });
      const read = await store.readStream(stream);
      expect(read.map((e) => e.streamVersion)).toEqual([1, 2]);
    });

    it('chains each event to the previous one by hash, and detects a tampered event', async () => {
      const stream = newStream();
      await store.appendToStream(stream, [event('A', { n: 1 }), event('B', { n: 2 })], { expectedVersion: 0, metadata, now });
      await store.appendToStream(stream, [event('C', { n: 3 })], { expectedVersion: 2, metadata, now });
      const read = await store.readStream(stream);
      expect(read[1]!.prevHash).toBe(read[0]!.hash);
      expect(read[2]!.prevHash).toBe(read[1]!.hash);
      expect(verifyChain(read)).toBeUndefined();

      await db.pool.query(`UPDATE themis_events SET data = '{"n":20}' WHERE stream_id = $1 AND stream_version = 2`, [stream]);
      expect(verifyChain(await store.readStream(stream))).toEqual({ streamVersion: 2, reason: 'hash_mismatch' });
    });

    it('writes outbox rows in the same transaction as the events, and none when the append loses', async () => {
      const stream = newStream();
      const outbox = (recorded: readonly { eventId: string; type: string }[]): OutboxMessage[] =>
        recorded.map((e) => ({ topic: 'themis.plan-events.v1', key: stream, headers: { 'x-event-type': e.type }, payload: { eventId: e.eventId } }));
      const won = await store.appendToStream(stream, [event('A', {}), event('B', {})], { expectedVersion: 0, metadata, now, outbox });
      const lost = await store.appendToStream(stream, [event('C', {})], { expectedVersion: 0, metadata, now, outbox });
      expect(lost.ok).toBe(false);
      const rows = await db.pool.query<{ topic: string; headers: Record<string, string>; payload: { eventId: string } }>(
        'SELECT topic, headers, payload FROM themis_outbox WHERE stream_id = $1 ORDER BY id',
        [stream],
      );
      expect(rows.rows.map((r) => r.headers['x-event-type'])).toEqual(['A', 'B']);
      expect(rows.rows.map((r) => r.payload.eventId)).toEqual(won.ok ? won.events.map((e) => e.eventId) : []);
    });

    it('reads the global log from a checkpoint, in commit order across streams', async () => {
      const head = await waitFor(
        () => store.readAll(START_OF_LOG, 100_000),
        () => true,
      );
      const a = newStream();
      const b = newStream();
      await store.appendToStream(a, [event('A1', {})], { expectedVersion: 0, metadata, now });
      await store.appendToStream(b, [event('B1', {}), event('B2', {})], { expectedVersion: 0, metadata, now });
      await store.appendToStream(a, [event('A2', {})], { expectedVersion: 1, metadata, now });
      const mine = (types: readonly { streamId: string; type: string }[]) => types.filter((e) => e.streamId === a || e.streamId === b).map((e) => e.type);
      const after = await waitFor(
        () => store.readAll(head.checkpoint, 100),
        (r) => mine(r.events).length === 4,
      );
      expect(mine(after.events)).toEqual(['A1', 'B1', 'B2', 'A2']);
      const again = await store.readAll(after.checkpoint, 100);
      expect(mine(again.events)).toEqual([]);
    });

    it('does not skip a slow transaction that commits after a faster later one', async () => {
      const slowStream = newStream();
      const fastStream = newStream();
      const start = (await store.readAll(START_OF_LOG, 1_000_000)).checkpoint;

      const slow = await db.pool.connect();
      try {
        await slow.query('BEGIN');
        // The slow writer takes its transaction id first…
        await slow.query(
          `INSERT INTO themis_events (event_id, stream_id, stream_version, type, schema_version, data, metadata, occurred_at, prev_hash, hash)
           VALUES (gen_random_uuid(), $1, 1, 'Slow', 1, '{}', '{}', now(), repeat('0', 64), repeat('1', 64))`,
          [slowStream],
        );
        // …then a faster one commits after it began.
        await store.appendToStream(fastStream, [event('Fast', {})], { expectedVersion: 0, metadata, now });

        const whileSlowIsOpen = await store.readAll(start, 1000);
        expect(whileSlowIsOpen.events.filter((e) => e.streamId === fastStream || e.streamId === slowStream)).toEqual([]);

        await slow.query('COMMIT');
      } finally {
        slow.release();
      }
      const afterCommit = await waitFor(
        () => store.readAll(start, 1000),
        (r) => r.events.filter((e) => e.streamId === fastStream || e.streamId === slowStream).length === 2,
      );
      expect(afterCommit.events.filter((e) => e.streamId === fastStream || e.streamId === slowStream).map((e) => e.type)).toEqual([
        'Slow',
        'Fast',
      ]);
    });

    it('reads a stream as it was at an earlier version', async () => {
      const stream = newStream();
      await store.appendToStream(stream, [event('A', {}), event('B', {}), event('C', {})], { expectedVersion: 0, metadata, now });
      expect((await store.readStream(stream, { toVersion: 2 })).map((e) => e.type)).toEqual(['A', 'B']);
    });

    it('relays outbox rows in order, marks them sent, and stops at the first failure', async () => {
      const outboxStore = new PgOutbox(db.pool);
      await db.pool.query('UPDATE themis_outbox SET sent_at = now() WHERE sent_at IS NULL');
      const stream = newStream();
      const payloads = ['m1', 'm2', 'm3', 'm4'];
      await store.appendToStream(stream, [event('A', {})], {
        expectedVersion: 0,
        metadata,
        now,
        outbox: () => payloads.map((payload) => ({ topic: 't', key: stream, headers: {}, payload })),
      });
      const published: unknown[] = [];
      const first = await outboxStore.relayBatch(10, async (row) => {
        if (row.payload === 'm3') throw new Error('broker down');
        published.push(row.payload);
      });
      expect(first).toMatchObject({ claimed: true, published: 2, failed: { error: 'broker down' } });
      expect(published).toEqual(['m1', 'm2']);
      expect(await outboxStore.pendingCount()).toBe(2);

      const second = await outboxStore.relayBatch(10, async (row) => {
        published.push(row.payload);
      });
      expect(second).toMatchObject({ claimed: true, published: 2 });
      expect(published).toEqual(['m1', 'm2', 'm3', 'm4']);
      expect(await outboxStore.pendingCount()).toBe(0);
    });

    it('lets only one relay work at a time', async () => {
      const outboxStore = new PgOutbox(db.pool);
      const stream = newStream();
      await store.appendToStream(stream, [event('A', {})], {
        expectedVersion: 0,
        metadata,
        now,
        outbox: () => [{ topic: 't', key: stream, headers: {}, payload: 'only-once' }],
      });
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const seen: unknown[] = [];
      const busy = outboxStore.relayBatch(10, async (row) => {
        seen.push(row.payload);
        await held;
      });
      await waitFor(async () => seen.length, (n) => n > 0);
      const rival = await outboxStore.relayBatch(10, async (row) => {
        seen.push(row.payload);
      });
      release();
      await busy;
      expect(rival).toEqual({ claimed: false });
      expect(seen).toEqual(['only-once']);
    });
  });
}
