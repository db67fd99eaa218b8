#!/usr/bin/env node
// The HTTP API on its own (distributed runtime). It records commands in the event store itself
// (the orchestrator process relays them to Kafka and records the results) and reads plans through
// the shared Redis cache. DATABASE_URL required; REDIS_URL recommended.
import type { AddressInfo } from 'node:net';
import { loadConfig, requireDistributed } from '@themis/config';
import { openDatabase } from '@themis/event-store';
import { createOrchestrator } from '@themis/orchestrator';
import { createPlanCache } from '@themis/projections';
import { categoryLogger, createLogger, runService, stopOnSignal } from '@themis/telemetry';
import { createGatewayApp } from './app.ts';

const config = loadConfig();
const root = createLogger({ level: config.log.level });
const logger = categoryLogger(root, 'themis.api');

await runService(logger, async () => {
  requireDistributed(config, ['DATABASE_URL'], 'the gateway');
  const database = await openDatabase({ url: config.database.url, dataDir: config.database.dataDir, logger: categoryLogger(root, 'themis.event_store') });
  const cache = await createPlanCache(config.cache, categoryLogger(root, 'themis.projections'));
  const { stepTimeoutMs, maxAttempts, retryBaseDelayMs } = config.execution;
  const commands = createOrchestrator({ pool: database.pool, cache, logger, role: 'commands', policy: { stepTimeoutMs, maxAttempts, retryBaseDelayMs } });
  await commands.start();
  const app = createGatewayApp({
    service: commands.service,
    logger: root,
    apiKeys: config.auth.apiKeys,
    maxPayloadBytes: config.http.maxPayloadBytes,
    executeWaitMs: config.execution.waitMs,
    healthChecks: { store: async () => void (await database.pool.query('SELECT 1')) },
    healthDetails: () => ({ mode: 'distributed', postgres: database.serverVersion }),
  });
  const server = app.listen(config.http.port, config.http.host);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const { port } = server.address() as AddressInfo;
  logger.info({ url: `http://${config.http.host}:${port}` }, 'gateway ready');
  stopOnSignal(logger, async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    await commands.stop();
    await cache.close();
    await database.close();
  });
});
