import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import type {
  AppendOptions,
  AppendResult,
  EventMetadata,
  EventStore,
  GlobalCheckpoint,
  NewEvent,
  ReadAllResult,
  RecordedEvent,
} from './event-store.ts';
import { eventHash, GENESIS_HASH } from './hash-chain.ts';
import { guardDatabase } from './pg-errors.ts';

/** Channel notified whenever an append commits; the payload is `<stream id> <new version>`. */
export const APPEND_CHANNEL = 'themis_events';

interface EventRow {
  event_id: string;
  stream_id: string;
  stream_version: number;
  global_position: string;
  transaction_id: string;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata;
  occurred_at: Date;
  recorded_at: Date;
  prev_hash: string;
  hash: string;
}

const selectEvent = `SELECT event_id, stream_id, stream_version, global_position, transaction_id::text AS transaction_id,
  type, schema_version, data, metadata, occurred_at, recorded_at, prev_hash, hash FROM themis_events`;

function toRecorded(row: EventRow): RecordedEvent {
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    globalPosition: Number(row.global_position),
    transactionId: row.transaction_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    occurredAt: row.occurred_at.toISOString(),
    recordedAt: row.recorded_at.toISOString(),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

const isUniqueViolation = (error: unknown): boolean => (error as { code?: string } | null)?.code === '23505';

export class PgEventStore implements EventStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    if (events.length === 0) throw new TypeError('appendToStream needs at least one event');
    return guardDatabase(async () => {
      const client = await this.#pool.connect();
      try {
        await client.query('BEGIN');
        const head = await client.query<{ stream_version: number; hash: string }>(
          'SELECT stream_version, hash FROM themis_events WHERE stream_id = $1 ORDER BY stream_version DESC LIMIT 1',
          [streamId],
        );
        const actualVersion = head.rows[0]?.stream_version ?? 0;
        if (options.expectedVersion !== 'any' && options.expectedVersion !== actualVersion) {
          await client.query('ROLLBACK');
          return { ok: false, expectedVersion: options.expectedVersion, actualVersion };
        }
        const recorded = await this.#insertEvents(client, streamId, events, options, actualVersion, head.rows[0]?.hash ?? GENESIS_HASH);
        const messages = options.outbox?.(recorded) ?? [];
        if (messages.length > 0) {
          await client.query(
            `INSERT INTO themis_outbox (stream_id, topic, message_key, headers, payload)
             SELECT $1, m.topic, m.key, m.headers::json, m.payload::json
             FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS m(topic, key, headers, payload, n)
             ORDER BY m.n`,
            [
              streamId,
              messages.map((m) => m.topic),
              messages.map((m) => m.key),
              messages.map((m) => JSON.stringify(m.headers)),
              messages.map((m) => JSON.stringify(m.payload)),
            ],
          );
        }
        await client.query('SELECT pg_notify($1, $2)', [APPEND_CHANNEL, `${streamId} ${actualVersion + events.length}`]);
        await client.query('COMMIT');
        return { ok: true, nextExpectedVersion: actualVersion + events.length, events: recorded };
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        if (isUniqueViolation(error)) {
          // Another append won the race for these versions.
          return { ok: false, expectedVersion: options.expectedVersion, actualVersion: await this.#version(streamId) };
        }
        throw error;
      } finally {
        client.release();
      }
    });
  }

  async #insertEvents(
    client: pg.PoolClient,
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
    fromVersion: number,
    headHash: string,
  ): Promise<RecordedEvent[]> {
    const occurredAt = options.now.toISOString();
    let prevHash = headHash;
    const prepared = events.map((event, index) => {
      const content = {
        eventId: uuidv7(),
        streamId,
        streamVersion: fromVersion + index + 1,
        type: event.type,
        schemaVersion: event.schemaVersion,
        occurredAt,
        data: event.data,
        metadata: options.metadata,
      };
      const hash = eventHash(prevHash, content);
      const row = { ...content, prevHash, hash };
      prevHash = hash;
      return row;
    });
    const inserted = await client.query<{ stream_version: number; global_position: string; transaction_id: string; recorded_at: Date }>(
      `INSERT INTO themis_events (event_id, stream_id, stream_version, type, schema_version, data, metadata, occurred_at, prev_hash, hash)
       SELECT e.event_id, $1, e.stream_version, e.type, e.schema_version, e.data::json, e.metadata::json, $2::timestamptz, e.prev_hash, e.hash
       FROM unnest($3::uuid[], $4::int[], $5::text[], $6::int[], $7::text[], $8::text[], $9::text[], $10::text[])
         AS e(event_id, stream_version, type, schema_version, data, metadata, prev_hash, hash)
       ORDER BY e.stream_version
       RETURNING stream_version, global_position, transaction_id::text AS transaction_id, recorded_at`,
      [
        streamId,
        occurredAt,
        prepared.map((e) => e.eventId),
        prepared.map((e) => e.streamVersion),
        prepared.map((e) => e.type),
        prepared.map((e) => e.schemaVersion),
        prepared.map((e) => JSON.stringify(e.data)),
        prepared.map((e) => JSON.stringify(e.metadata)),
        prepared.map((e) => e.prevHash),
        prepared.map((e) => e.hash),
      ],
    );
    const byVersion = new Map(inserted.rows.map((row) => [row.stream_version, row]));
    return prepared.map((event) => {
      const row = byVersion.get(event.streamVersion)!;
      return {
        ...event,
        globalPosition: Number(row.global_position),
        transactionId: row.transaction_id,
        recordedAt: row.recorded_at.toISOString(),
      };
    });
  }

  async #version(streamId: string): Promise<number> {
    const result = await this.#pool.query<{ version: number | null }>(
      'SELECT max(stream_version) AS version FROM themis_events WHERE stream_id = $1',
      [streamId],
    );
    return result.rows[0]?.version ?? 0;
  }

  readStream(streamId: string, options: { readonly toVersion?: number } = {}): Promise<readonly RecordedEvent[]> {
    return guardDatabase(async () => {
      const result = await this.#pool.query<EventRow>(
        `${selectEvent} WHERE stream_id = $1 AND stream_version <= $2 ORDER BY stream_version`,
        [streamId, options.toVersion ?? 2_147_483_647],
      );
      return result.rows.map(toRecorded);
    });
  }

  /** Plan streams that started executing and have not settled: what the step timers must watch after a restart. */
  streamsStartedNotSettled(): Promise<string[]> {
    return guardDatabase(async () => {
      const result = await this.#pool.query<{ stream_id: string }>(
        `SELECT stream_id FROM themis_events
         WHERE type IN ('PlanExecutionStarted', 'PlanCompleted', 'PlanFailed', 'PlanCancelled')
         GROUP BY stream_id HAVING bool_and(type = 'PlanExecutionStarted')`,
      );
      return result.rows.map((row) => row.stream_id);
    });
  }

  readAll(after: GlobalCheckpoint, limit: number): Promise<ReadAllResult> {
    return guardDatabase(async () => {
      const result = await this.#pool.query<EventRow>(
        `${selectEvent}
         WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
           AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
         ORDER BY transaction_id, global_position
         LIMIT $3`,
        [after.transactionId, after.globalPosition, limit],
      );
      const events = result.rows.map(toRecorded);
      const last = events.at(-1);
      return { events, checkpoint: last === undefined ? after : { transactionId: last.transactionId, globalPosition: last.globalPosition } };
    });
  }
}
