import type pg from 'pg';
import { START_OF_LOG, type GlobalCheckpoint } from './event-store.ts';
import { guardDatabase } from './pg-errors.ts';

/** Where each named reader of the global log has got to. */
export class PgCheckpoints {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  load(name: string): Promise<GlobalCheckpoint> {
    return guardDatabase(async () => {
      const result = await this.#pool.query<{ transaction_id: string; global_position: string }>(
        'SELECT transaction_id::text AS transaction_id, global_position FROM themis_checkpoints WHERE name = $1',
        [name],
      );
      const row = result.rows[0];
      return row === undefined ? START_OF_LOG : { transactionId: row.transaction_id, globalPosition: Number(row.global_position) };
    });
  }

  /** Saves a checkpoint inside the caller's transaction, so a projection and its position move together. */
  async save(client: pg.PoolClient, name: string, checkpoint: GlobalCheckpoint): Promise<void> {
    await client.query(
      `INSERT INTO themis_checkpoints (name, transaction_id, global_position) VALUES ($1, $2::xid8, $3)
       ON CONFLICT (name) DO UPDATE SET transaction_id = EXCLUDED.transaction_id, global_position = EXCLUDED.global_position,
         updated_at = clock_timestamp()`,
      [name, checkpoint.transactionId, checkpoint.globalPosition],
    );
  }
}
