import pg from 'pg';
import type { Logger } from '@themis/telemetry';
import { startEmbeddedPostgres } from './embedded/embedded-postgres.ts';
import { migrate } from './migrate.ts';

export interface DatabaseSettings {
  /** External PostgreSQL (15 or newer); absent starts the embedded PostgreSQL in `dataDir`. */
  readonly url: string | undefined;
  readonly dataDir: string;
  readonly logger: Logger;
  readonly poolSize?: number;
  /** For one-off commands: use the embedded server another Themis is running on the data directory. */
  readonly attachToRunning?: boolean;
}

export interface Database {
  readonly pool: pg.Pool;
  /** `attached`: the embedded server of another Themis on the same data directory. */
  readonly kind: 'embedded' | 'attached' | 'external';
  readonly serverVersion: string;
  /** Where the embedded server keeps its cluster; undefined for an external server. */
  readonly clusterDir: string | undefined;
  close(): Promise<void>;
}

export function createPool(url: string, logger: Logger, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 5_000 });
  // An idle client losing its connection must not crash the process; the next query reports it.
  // Once the pool is ending, connections closing under it are expected, not worth a warning.
  let ending = false;
  const end = pool.end.bind(pool);
  pool.end = (() => {
    ending = true;
    return end();
  });
  pool.on('error', (error) => {
    if (!ending) logger.warn({ err: error }, 'idle database connection failed');
  });
  // The pool watches only its idle clients. A client checked out (inside a transaction, say) whose
  // connection drops between two queries emits 'error' too, and an unheard 'error' ends the
  // process: every client gets a listener of its own; the failed query reports to its caller.
  pool.on('connect', (client) => {
    client.on('error', (error) => {
      if (!ending) logger.debug({ err: error }, 'database connection lost while checked out');
    });
  });
  return pool;
}

/** Connects to the configured PostgreSQL (starting the embedded one if none is configured) and migrates it. */
export async function openDatabase(settings: DatabaseSettings): Promise<Database> {
  const { logger } = settings;
  const embedded =
    settings.url === undefined
      ? await startEmbeddedPostgres({ dataDir: settings.dataDir, logger, whenInUse: settings.attachToRunning === true ? 'attach' : 'fail' })
      : undefined;
  const url = settings.url ?? embedded!.url;
  const pool = createPool(url, logger, settings.poolSize);
  try {
    const version = await pool.query<{ server_version: string; server_version_num: string }>(
      "SELECT current_setting('server_version') AS server_version, current_setting('server_version_num') AS server_version_num",
    );
    const row = version.rows[0]!;
    if (Number(row.server_version_num) < 150000) {
      throw new Error(`PostgreSQL ${row.server_version} is too old: Themis needs 15 or newer (it uses xid8 and pg_current_snapshot)`);
    }
    const { applied } = await migrate(pool);
    if (applied.length > 0) logger.info({ applied }, 'applied database migrations');
    return {
      pool,
      kind: embedded === undefined ? 'external' : embedded.attached ? 'attached' : 'embedded',
      serverVersion: row.server_version,
      clusterDir: embedded?.clusterDir,
      close: async () => {
        await pool.end();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await pool.end().catch(() => undefined);
    await embedded?.stop();
    throw error;
  }
}
