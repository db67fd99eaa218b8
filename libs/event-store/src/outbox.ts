import type pg from 'pg';
import { guardDatabase } from './pg-errors.ts';

// Arbitrary constant: whoever holds it is the one active relay.
const RELAY_LOCK = 7_352_002;

export interface OutboxRow {
  readonly id: number;
  readonly streamId: string;
  readonly topic: string;
  readonly key: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly payload: unknown;
  readonly attempts: number;
}

export type RelayBatchResult =
  | { readonly claimed: false }
  | { readonly claimed: true; readonly published: number; readonly failed: { readonly id: number; readonly error: string } | undefined };

export class PgOutbox {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  /**
   * Publishes the oldest unsent rows in order while holding the relay lock, and marks them sent
   * in the same transaction. Stops at the first failure so one stream's messages never overtake
   * each other; a crash before commit leaves the rows unsent, to be published again.
   */
  relayBatch(limit: number, publish: (row: OutboxRow) => Promise<void>): Promise<RelayBatchResult> {
    return guardDatabase(async () => {
      const client = await this.#pool.connect();
      try {
        await client.query('BEGIN');
        const lock = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS locked', [RELAY_LOCK]);
        if (lock.rows[0]?.locked !== true) {
          await client.query('ROLLBACK');
          return { claimed: false };
        }
        const rows = await client.query<{
          id: string;
          stream_id: string;
          topic: string;
          message_key: string;
          headers: Record<string, string>;
          payload: unknown;
          attempts: number;
        }>(
          `SELECT id, stream_id, topic, message_key, headers, payload, attempts
           FROM themis_outbox WHERE sent_at IS NULL ORDER BY id LIMIT $1`,
          [limit],
        );
        const sent: number[] = [];
        let failed: { id: number; error: string } | undefined;
        for (const row of rows.rows) {
          const id = Number(row.id);
          try {
            await publish({ id, streamId: row.stream_id, topic: row.topic, key: row.message_key, headers: row.headers, payload: row.payload, attempts: row.attempts });
            sent.push(id);
          } catch (error) {
            failed = { id, error: error instanceof Error ? error.message : String(error) };
            break;
          }
        }
        if (sent.length > 0) {
          await client.query('UPDATE themis_outbox SET sent_at = clock_timestamp(), attempts = attempts + 1 WHERE id = ANY($1::bigint[])', [sent]);
        }
        if (failed !== undefined) {
          await client.query('UPDATE themis_outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1', [failed.id, failed.error]);
        }
        await client.query('COMMIT');
        return { claimed: true, published: sent.length, failed };
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    });
  }

  /** Deletes rows published more than `olderThanMs` ago; the event table keeps the history. */
  pruneSent(olderThanMs: number): Promise<number> {
    return guardDatabase(async () => {
      const result = await this.#pool.query(
        "DELETE FROM themis_outbox WHERE sent_at IS NOT NULL AND sent_at < clock_timestamp() - make_interval(secs => $1::double precision / 1000)",
        [olderThanMs],
      );
      return result.rowCount ?? 0;
    });
  }

  pendingCount(): Promise<number> {
    return guardDatabase(async () => {
      const result = await this.#pool.query<{ count: string }>('SELECT count(*) AS count FROM themis_outbox WHERE sent_at IS NULL');
      return Number(result.rows[0]?.count ?? 0);
    });
  }
}
