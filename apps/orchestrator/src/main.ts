#!/usr/bin/env node
// The orchestrator on its own (distributed runtime): relays the outbox to Kafka, records agent
// results, runs the step timers and the plan-list projection. DATABASE_URL and KAFKA_BROKERS required.
import { loadConfig, requireDistributed } from '@themis/config';
import { openDatabase } from '@themis/event-store';
import { createBus } from '@themis/messaging';
import { createPlanCache } from '@themis/projections';
import { categoryLogger, createLogger, runService, stopOnSignal } from '@themis/telemetry';
import { createOrchestrator } from './orchestrator.ts';

const config = loadConfig();
const root = createLogger({ level: config.log.level });
const logger = categoryLogger(root, 'themis.orchestrator');

await runService(logger, async () => {
  requireDistributed(config, ['DATABASE_URL', 'KAFKA_BROKERS'], 'the orchestrator');
  const database = await openDatabase({ url: config.database.url, dataDir: config.database.dataDir, logger: categoryLogger(root, 'themis.event_store') });
  const bus = await createBus(config.bus, 'themis-orchestrator', categoryLogger(root, 'themis.messaging'));
  const cache = await createPlanCache(config.cache, categoryLogger(root, 'themis.projections'));
  const { stepTimeoutMs, maxAttempts, retryBaseDelayMs } = config.execution;
  const orchestrator = createOrchestrator({ pool: database.pool, bus, cache, logger, policy: { stepTimeoutMs, maxAttempts, retryBaseDelayMs } });
  await orchestrator.start();
  logger.info({ postgres: database.serverVersion, brokers: config.bus.kafkaBrokers, redis: config.cache.redisUrl !== undefined }, 'orchestrator ready');
  stopOnSignal(logger, async () => {
    await orchestrator.stop();
    await bus.close();
    await cache.close();
    await database.close();
  });
});
