import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exportTestEnvironment, loadTestEnvironment } from '@themis/config';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '@themis/event-store';
import { silentLogger } from '@themis/telemetry';
import { ensureDebianTool } from './debian-tools.ts';
import { isDockerReachable } from './docker.ts';
import { startLocalPostgres15 } from './postgres15.ts';

interface Running {
  embedded?: EmbeddedPostgres;
  embeddedDir?: string;
  container?: { stop(): Promise<unknown> };
}

const running: Running = {};

function note(message: string): void {
  process.stderr.write(`[services] ${message}\n`);
}

/**
 * Provides the servers the integration suites need and hands their URLs to the jest workers:
 * PostgreSQL 15 (testcontainers when a Docker engine is reachable, else Debian's package started
 * locally) and the embedded PostgreSQL 18. Fails loudly when one cannot start: nothing is skipped.
 */
export async function provideTestServices(): Promise<void> {
  const given = loadTestEnvironment();
  let { pg15Url, pg18Url } = given;
  if (pg15Url === undefined) {
    if (await isDockerReachable()) {
      note('Docker engine found: starting postgres:15 with testcontainers');
      const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
      const container = await new PostgreSqlContainer('postgres:15').start();
      running.container = container;
      pg15Url = container.getConnectionUri();
    } else {
      const local = await startLocalPostgres15();
      note(`no Docker engine: using Debian PostgreSQL ${local.major}${local.alreadyRunning ? ' (already running)' : ''}`);
      pg15Url = local.url;
    }
  }
  if (pg18Url === undefined) {
    running.embeddedDir = await mkdtemp(path.join(tmpdir(), 'themis-test-pg18-'));
    running.embedded = await startEmbeddedPostgres({ dataDir: running.embeddedDir, logger: silentLogger });
    note(`embedded PostgreSQL ${running.embedded.version} on port ${running.embedded.port}`);
    pg18Url = running.embedded.url;
  }
  // Document suites render PDFs to images to prove they open.
  ensureDebianTool('pdftoppm', 'poppler-utils');
  exportTestEnvironment({ pg15Url, pg18Url });
}

export async function releaseTestServices(): Promise<void> {
  const { embedded, embeddedDir, container } = running;
  delete running.embedded;
  delete running.container;
  delete running.embeddedDir;
  await embedded?.stop();
  if (embeddedDir !== undefined) await rm(embeddedDir, { recursive: true, force: true });
  await container?.stop();
}
