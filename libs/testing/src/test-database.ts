import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPool, migrate } from '@themis/event-store';
import { loadTestEnvironment } from '@themis/config';
import { silentLogger } from '@themis/telemetry';

export interface TestDatabase {
  readonly url: string;
  readonly pool: pg.Pool;
  drop(): Promise<void>;
}

export type TestServer = 'pg15' | 'pg18';

/** The URL the global setup provided; throws (never skips) when it is missing. */
export function testServerUrl(server: TestServer): string {
  const env = loadTestEnvironment();
  const url = server === 'pg15' ? env.pg15Url : env.pg18Url;
  if (url === undefined) {
    throw new Error(`No ${server} test server: run integration tests through "npm test" (its global setup starts the servers).`);
  }
  return url;
}

/** A fresh, migrated database on the given test server, so suites never see each other's rows. */
export async function createTestDatabase(server: TestServer, migrated = true): Promise<TestDatabase> {
  const serverUrl = testServerUrl(server);
  const name = `themis_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const pool = createPool(url.toString(), silentLogger, 25);
  if (migrated) await migrate(pool);
  return {
    url: url.toString(),
    pool,
    drop: async () => {
      await pool.end();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
