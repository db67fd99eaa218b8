import type pg from 'pg';
import { isPlanEventType, type PlanEventType } from '@themis/domain';
import { type AppendListener, type EventStore, PgCheckpoints, type RecordedEvent } from '@themis/event-store';
import type { Logger } from '@themis/telemetry';
import { planIdOf } from './plan-stream.ts';

const CHECKPOINT = 'plan-summaries';
const BATCH = 500;

const statusAfter: Partial<Record<PlanEventType, string>> = {
  PlanCreated: 'planned',
  PlanExecutionStarted: 'running',
  PlanCompleted: 'completed',
  PlanFailed: 'failed',
  PlanCancelled: 'cancelled',
};

/**
 * Folds the global log into `themis_plan_summaries` (the plan list). Each batch and its checkpoint
 * are written in one transaction; updates are guarded by stream version, so replaying a batch
 * changes nothing.
 */
export class PlanSummariesProjector {
  readonly #pool: pg.Pool;
  readonly #store: EventStore;
  readonly #checkpoints: PgCheckpoints;
  readonly #logger: Logger;
  #running: Promise<number> | undefined;
  #next: Promise<number> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor(pool: pg.Pool, store: EventStore, logger: Logger) {
    this.#pool = pool;
    this.#store = store;
    this.#checkpoints = new PgCheckpoints(pool);
    this.#logger = logger;
  }

  /**
   * Projects everything visible now. A call made while a run is in progress gets the run that
   * starts after it (shared by every such caller), so it always sees events committed before it.
   */
  catchUp(): Promise<number> {
    if (this.#running === undefined) {
      this.#running = this.#drain().finally(() => (this.#running = undefined));
      return this.#running;
    }
    this.#next ??= this.#running
      .catch(() => 0)
      .then(() => {
        this.#next = undefined;
        return this.catchUp();
      });
    return this.#next;
  }

  async #drain(): Promise<number> {
    let total = 0;
    let checkpoint = await this.#checkpoints.load(CHECKPOINT);
    for (;;) {
      const { events, checkpoint: next } = await this.#store.readAll(checkpoint, BATCH);
      if (events.length === 0) return total;
      const client = await this.#pool.connect();
      try {
        await client.query('BEGIN');
        for (const event of events) await this.#apply(client, event);
        await this.#checkpoints.save(client, CHECKPOINT, next);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
      total += events.length;
      checkpoint = next;
      if (events.length < BATCH) return total;
    }
  }

  async #apply(client: pg.PoolClient, event: RecordedEvent): Promise<void> {
    const planId = planIdOf(event.streamId);
    if (planId === undefined || !isPlanEventType(event.type)) return;
    if (event.type === 'PlanCreated') {
      const data = event.data as { title: string; template: string; createdAt: string };
      await client.query(
        `INSERT INTO themis_plan_summaries (plan_id, title, template, status, version, created_at, updated_at)
         VALUES ($1, $2, $3, 'planned', $4, $5, $6) ON CONFLICT (plan_id) DO NOTHING`,
        [planId, data.title, data.template, event.streamVersion, data.createdAt, event.occurredAt],
      );
      return;
    }
    await client.query(
      `UPDATE themis_plan_summaries SET status = COALESCE($2, status), version = $3, updated_at = $4
       WHERE plan_id = $1 AND version < $3`,
      [planId, statusAfter[event.type] ?? null, event.streamVersion, event.occurredAt],
    );
  }

  /** Keeps projecting: woken by committed appends, and every second in case a notification was missed. */
  start(listener: AppendListener): void {
    const run = () => void this.catchUp().catch((error: unknown) => this.#logger.warn({ err: error }, 'plan summaries projection failed'));
    this.#unsubscribe = listener.onAppend(run);
    this.#timer = setInterval(run, 1_000);
    run();
  }

  async stop(): Promise<void> {
    this.#unsubscribe?.();
    if (this.#timer !== undefined) clearInterval(this.#timer);
    await this.#running?.catch(() => undefined);
  }
}
