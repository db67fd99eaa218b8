import type pg from 'pg';
import { type ExecutionPolicy, notFound, type PlanCommand, type PlanEvent, type PlanState } from '@themis/domain';
import { AppendListener, createCommandHandler, GENESIS_HASH, PgEventStore, PgOutbox, verifyChain } from '@themis/event-store';
import type { MessageBus, Subscription } from '@themis/messaging';
import {
  type AsOf,
  artifactsOf,
  type AuditReport,
  type CreatePlanInput,
  type ExecuteOptions,
  type ExecuteOutcome,
  listPlans,
  type PlanCache,
  type PlanListQuery,
  planIdOf,
  PlanReader,
  type PlanService,
  planStreamModel,
  PlanSummariesProjector,
  type RequestContext,
  toPlanView,
} from '@themis/projections';
import type { Logger } from '@themis/telemetry';
import { startAgentResultsConsumer } from './consumers/agent-results.consumer.ts';
import { createPlan } from './handlers/create-plan.handler.ts';
import { cancelPlan, executePlan } from './handlers/execute-plan.handler.ts';
import { type PlanCommandDeps, runPlanCommand } from './handlers/plan-commands.ts';
import { inFlightTasks } from './outbox-messages.ts';
import { PlanWatcher } from './queries/plan-watcher.ts';
import { OutboxRelay } from './relay/outbox-relay.ts';
import { StepTimer } from './timers/step-timer.ts';

export interface OrchestratorDeps {
  readonly pool: pg.Pool;
  /** Needed by the `full` role (relay and result consumer); a `commands` process has none. */
  readonly bus?: MessageBus;
  /**
   * `full` relays the outbox, consumes results and runs the step timers. `commands` only handles
   * commands and reads, for a one-off process next to a running server that does the rest.
   */
  readonly role?: 'full' | 'commands';
  /** The bus forgets messages on restart (in-process): publish the tasks of steps still dispatched again at start. */
  readonly republishInFlight?: boolean;
  readonly cache: PlanCache;
  readonly policy: ExecutionPolicy;
  readonly logger: Logger;
  readonly clock?: () => Date;
}

export interface Orchestrator {
  readonly service: PlanService;
  /** Starts the relay, the result consumer, the projector and the timers; re-arms timers of running plans. */
  start(): Promise<void>;
  /** Stops dispatching (relay, timers) but keeps recording results, so agents can finish. */
  quiesce(): Promise<void>;
  /** Stops everything, after waiting for what is in flight. */
  stop(): Promise<void>;
}

export function createOrchestrator(deps: OrchestratorDeps): Orchestrator {
  const clock = deps.clock ?? (() => new Date());
  const { logger } = deps;
  const store = new PgEventStore(deps.pool);
  const reader = new PlanReader(store, deps.cache);
  const listener = new AppendListener(deps.pool, logger);
  const bus = deps.bus;
  const relay = bus === undefined ? undefined : new OutboxRelay(new PgOutbox(deps.pool), bus, logger);
  const projector = new PlanSummariesProjector(deps.pool, store, logger);
  const watcher = new PlanWatcher(reader);
  const handler = createCommandHandler<PlanState, PlanEvent>(store, planStreamModel);

  const full = (deps.role ?? 'full') === 'full';
  const commandDeps: PlanCommandDeps & { clock: () => Date } = {
    handler,
    reader,
    clock,
    onChange: (planId, state, version) => {
      watcher.notify(planId);
      // A commands-only process leaves relaying and timing to the server next to it.
      if (!full) return;
      timer.track(planId, state, version);
      relay?.wake();
    },
  };
  const fireTimer = async (planId: string, command: PlanCommand) => {
    await runPlanCommand(commandDeps, planId, command, { actor: 'system:step-timer', correlationId: planId, causationId: null, traceparent: null });
  };
  const timer = new StepTimer(fireTimer, clock, logger);
  let results: Subscription | undefined;
  let unfollow: (() => void) | undefined;

  /**
   * Appends made by another process (the gateway, a stopping orchestrator) reach the timers through
   * LISTEN. The timers' own version decides whether there is news: a shared cache may already hold
   * the new state, written through by the process that appended it.
   */
  const follow = (streamId: string, version: number) => {
    const planId = planIdOf(streamId);
    if (planId === undefined || timer.trackedVersion(planId) >= version) return;
    void (async () => {
      let loaded = await reader.load(planId);
      if (loaded.version < version) loaded = await reader.refresh(planId);
      timer.track(planId, loaded.state, loaded.version);
    })().catch((error: unknown) => logger.warn({ err: error, planId }, 'could not follow a plan change'));
  };

  const outcome = async (planId: string, waitMs: number): Promise<ExecuteOutcome> => {
    const loaded = await watcher.waitForSettled(planId, waitMs);
    const view = toPlanView(loaded.state, loaded.version)!;
    return { view, artifacts: artifactsOf(loaded.state), settled: view.status !== 'running' && view.status !== 'planned' };
  };

  const service: PlanService = {
    async createPlan(input: CreatePlanInput, context: RequestContext) {
      const created = await createPlan({ ...commandDeps, policy: deps.policy }, input, context);
      return toPlanView(created.state, created.version)!;
    },
    async executePlan(planId: string, context: RequestContext, options: ExecuteOptions) {
      await executePlan(commandDeps, planId, context);
      return outcome(planId, options.waitMs);
    },
    async runMatter(input: CreatePlanInput, context: RequestContext, options: ExecuteOptions) {
      const created = await createPlan({ ...commandDeps, policy: deps.policy }, input, context);
      await executePlan(commandDeps, created.planId, context);
      return outcome(created.planId, options.waitMs);
    },
    async cancelPlan(planId: string, reason: string, context: RequestContext) {
      const result = await cancelPlan(commandDeps, planId, reason, context);
      const view = toPlanView(result.state, result.version);
      if (view === undefined) throw notFound('plan_not_found', `plan ${planId} does not exist`);
      return view;
    },
    async getPlan(planId: string, asOf?: AsOf) {
      const loaded = await reader.require(planId, asOf);
      return toPlanView(loaded.state, loaded.version)!;
    },
    async getArtifacts(planId: string) {
      const loaded = await reader.require(planId);
      return { view: toPlanView(loaded.state, loaded.version)!, artifacts: artifactsOf(loaded.state) };
    },
    async listPlans(query: PlanListQuery) {
      await projector.catchUp(); // read-your-writes for plans created a moment ago
      return listPlans(deps.pool, query);
    },
    async getEvents(planId: string) {
      const events = await reader.events(planId);
      if (events.length === 0) throw notFound('plan_not_found', `plan ${planId} does not exist`);
      return events;
    },
    async audit(planId: string): Promise<AuditReport> {
      const events = await service.getEvents(planId);
      const firstBreak = verifyChain(events) ?? null;
      return { planId, valid: firstBreak === null, eventCount: events.length, headHash: events.at(-1)?.hash ?? GENESIS_HASH, firstBreak };
    },
    async watch(planId, onChange, signal) {
      await reader.require(planId);
      await watcher.watch(planId, (loaded) => onChange(toPlanView(loaded.state, loaded.version)!), signal);
    },
  };

  let quiesced: Promise<void> | undefined;
  const quiesce = () => {
    quiesced ??= (async () => {
      unfollow?.();
      await relay?.stop();
      await timer.stop();
    })();
    return quiesced;
  };

  return {
    service,
    async start() {
      await listener.start();
      watcher.start(listener);
      if (!full) return;
      if (bus === undefined || relay === undefined) throw new Error('the full orchestrator needs a bus');
      unfollow = listener.onAppend(follow);
      relay.start(listener);
      results = await startAgentResultsConsumer(bus, commandDeps, logger);
      await projector.catchUp();
      projector.start(listener);
      for (const streamId of await store.streamsStartedNotSettled()) {
        const planId = planIdOf(streamId)!;
        const loaded = await reader.refresh(planId);
        timer.track(planId, loaded.state, loaded.version);
        if (deps.republishInFlight === true) await bus.publish(inFlightTasks(loaded.state));
      }
    },
    quiesce,
    async stop() {
      await quiesce();
      await results?.stop();
      await projector.stop();
      watcher.stop();
      await listener.close();
    },
  };
}
