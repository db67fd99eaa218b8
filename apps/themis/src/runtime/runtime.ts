import { startDEAService } from '@themis/agent-dea';
import { startLDAService } from '@themis/agent-lda';
import { startLSAService } from '@themis/agent-lsa';
import type { ThemisConfig } from '@themis/config';
import { type Database, openDatabase } from '@themis/event-store';
import { assembleDemandPack } from '@themis/documents';
import { type AgentRunners, createAgentRunners, DEMAND_PACK_TASK } from '@themis/legal';
import { OfflineProvider } from '@themis/llm';
import { consumerGroups, createBus, InProcessBus, type MessageBus, type Subscription, topics } from '@themis/messaging';
import { createOrchestrator } from '@themis/orchestrator';
import { createPlanCache, type PlanCache, type PlanService } from '@themis/projections';
import { categoryLogger, type Logger } from '@themis/telemetry';

export interface Runtime {
  readonly service: PlanService;
  readonly database: Database;
  readonly bus: MessageBus;
  readonly cache: PlanCache;
  /** Stops agents, orchestrator, bus and database, in that order, finishing work in flight. */
  stop(): Promise<void>;
}

export interface RuntimeOptions {
  /** Replaces the offline engines (tests inject failing or slow agents). */
  readonly runners?: AgentRunners;
  readonly clock?: () => Date;
  /** Use the embedded server another Themis runs on the data directory instead of refusing (one-off commands). */
  readonly attachToRunning?: boolean;
}

/**
 * The embedded runtime: every app composed in one process over the in-process bus and the
 * memory cache, with PostgreSQL from DATABASE_URL or the embedded server.
 */
export async function startRuntime(config: ThemisConfig, logger: Logger, options: RuntimeOptions = {}): Promise<Runtime> {
  const database = await openDatabase({
    url: config.database.url,
    dataDir: config.database.dataDir,
    logger: categoryLogger(logger, 'themis.event_store'),
    attachToRunning: options.attachToRunning ?? false,
  });
  const bus = await createBus(config.bus, 'themis', categoryLogger(logger, 'themis.messaging'));
  const cache = await createPlanCache(config.cache, categoryLogger(logger, 'themis.projections'));
  // Next to a running server (attached), this process only records commands and reads: the
  // server's relay, agents and timers do the work, woken by the same database.
  const attached = database.kind === 'attached';
  const orchestrator = createOrchestrator({
    pool: database.pool,
    bus,
    role: attached ? 'commands' : 'full',
    // Kafka keeps messages across restarts; the in-process bus forgets them.
    republishInFlight: bus instanceof InProcessBus,
    cache,
    policy: { stepTimeoutMs: config.execution.stepTimeoutMs, maxAttempts: config.execution.maxAttempts, retryBaseDelayMs: config.execution.retryBaseDelayMs },
    logger: categoryLogger(logger, 'themis.orchestrator'),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  const runners = options.runners ?? createAgentRunners({ tasks: { lsa: { [DEMAND_PACK_TASK]: assembleDemandPack } } });
  const llm = new OfflineProvider();
  if (config.llm.anthropicApiKeySet) {
    categoryLogger(logger, 'themis.llm_client').warn('ANTHROPIC_API_KEY is set, but this version has no Claude provider yet: the agents run their offline engines');
  }
  const agentLogger = categoryLogger(logger, 'themis.agents');
  const agents: Subscription[] = [];
  try {
    await orchestrator.start();
    if (!attached) {
      const deps = { bus, llm, logger: agentLogger, ...(options.clock === undefined ? {} : { clock: options.clock }) };
      agents.push(await startLDAService({ ...deps, runner: runners.lda }));
      agents.push(await startDEAService({ ...deps, runner: runners.dea }));
      agents.push(await startLSAService({ ...deps, runner: runners.lsa }));
    }
  } catch (error) {
    await Promise.all(agents.map((agent) => agent.stop()));
    await orchestrator.stop().catch(() => undefined);
    await bus.close().catch(() => undefined);
    await cache.close();
    await database.close();
    throw error;
  }
  let stopping: Promise<void> | undefined;
  return {
    service: orchestrator.service,
    database,
    bus,
    cache,
    stop() {
      stopping ??= (async () => {
        // No new dispatches; agents finish their tasks; their results are recorded before the
        // result consumer stops (the in-process bus would forget them); then the rest.
        await orchestrator.quiesce();
        await Promise.all(agents.map((agent) => agent.stop()));
        if (bus instanceof InProcessBus) await drained(() => bus.lag(consumerGroups.orchestrator, topics.agentResults) === 0, 10_000);
        await orchestrator.stop();
        await bus.close();
        await cache.close();
        await database.close();
      })();
      return stopping;
    },
  };
}

async function drained(isDrained: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!isDrained() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
}
