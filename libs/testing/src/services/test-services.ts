import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exportTestEnvironment, loadTestEnvironment } from '@themis/config';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '@themis/event-store';
import { silentLogger } from '@themis/telemetry';
import { ensureDebianTool } from './debian-tools.ts';
import { isDockerReachable } from './docker.ts';
import { startLocalKafka } from './kafka.ts';
import { startLocalPostgres15 } from './postgres15.ts';
import { startLocalRedis } from './redis.ts';

interface Running {
  embedded?: EmbeddedPostgres;
  embeddedDir?: string;
  containers: { stop(): Promise<unknown> }[];
}

const running: Running = { containers: [] };

function note(message: string): void {
  process.stderr.write(`[services] ${message}\n`);
}

/**
 * Provides the servers the integration suites need and hands their addresses to the jest workers:
 * PostgreSQL 15, Redis and Kafka (testcontainers when a Docker engine is reachable, else Debian's
 * packages and Kafka's jars from Maven Central, started locally) and the embedded PostgreSQL 18.
 * Fails loudly when one cannot start: nothing is skipped.
 */
export async function provideTestServices(): Promise<void> {
  const given = loadTestEnvironment();
  let { pg15Url, pg18Url, redisUrl, kafkaBrokers } = given;
  const docker = (pg15Url === undefined || redisUrl === undefined || kafkaBrokers === undefined) && (await isDockerReachable());
  if (docker) note('Docker engine found: starting the services with testcontainers');
  else note('no Docker engine: starting the services locally (npm run services:up does the same)');
  if (pg15Url === undefined) {
    if (docker) {
      const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
      const container = await new PostgreSqlContainer('postgres:15').start();
      running.containers.push(container);
      pg15Url = container.getConnectionUri();
    } else {
      const local = await startLocalPostgres15();
      note(`Debian PostgreSQL ${local.major}${local.alreadyRunning ? ' (already running)' : ''}`);
      pg15Url = local.url;
    }
  }
  if (redisUrl === undefined) {
    if (docker) {
      const { RedisContainer } = await import('@testcontainers/redis');
      const container = await new RedisContainer('redis:7').start();
      running.containers.push(container);
      redisUrl = container.getConnectionUrl();
    } else {
      redisUrl = (await startLocalRedis()).url;
    }
  }
  if (kafkaBrokers === undefined) {
    if (docker) {
      const { KafkaContainer } = await import('@testcontainers/kafka');
      const container = await new KafkaContainer('confluentinc/cp-kafka:7.6.1').withKraft().start();
      running.containers.push(container);
      kafkaBrokers = `${container.getHost()}:${container.getMappedPort(9093)}`;
    } else {
      kafkaBrokers = (await startLocalKafka()).brokers;
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
  exportTestEnvironment({ pg15Url, pg18Url, redisUrl, kafkaBrokers });
}

export async function releaseTestServices(): Promise<void> {
  const { embedded, embeddedDir, containers } = running;
  delete running.embedded;
  delete running.embeddedDir;
  running.containers = [];
  await embedded?.stop();
  if (embeddedDir !== undefined) await rm(embeddedDir, { recursive: true, force: true });
  await Promise.all(containers.map((container) => container.stop()));
}
