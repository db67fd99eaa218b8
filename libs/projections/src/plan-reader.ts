import { notFound, type PlanState, validationError } from '@themis/domain';
import { z } from 'zod';
import type { EventStore, RecordedEvent } from '@themis/event-store';
import type { PlanCache } from './memory-cache.ts';
import { foldRecorded, planStreamId } from './plan-stream.ts';

/** A point in a plan's history: a stream version, or a moment (events that occurred at or before it). */
export type AsOf = { readonly version: number } | { readonly time: Date };

const asOfSchema = z.union([
  z.string().regex(/^\d{1,10}$/).transform(Number).pipe(z.number().int().min(1).max(2_147_483_647)).transform((version) => ({ version })),
  z.union([z.iso.datetime({ offset: true }), z.iso.date()]).transform((time) => ({ time: new Date(time) })),
]);

/** Reads `asOf` as given by a client: a stream version (1…2³¹−1) or an ISO date or date-time. */
export function parseAsOf(text: string, field = 'asOf'): AsOf {
  const parsed = asOfSchema.safeParse(text);
  if (parsed.success) return parsed.data;
  throw validationError('invalid_as_of', `${field} must be a stream version or an ISO date-time`, [
    { path: field, message: 'expected a version number (1 or more) or an ISO 8601 date or date-time' },
  ]);
}

export interface LoadedPlan {
  readonly state: PlanState;
  readonly version: number;
}

/** Reads plans by folding their stream; the latest state is cached, historical reads are not. */
export class PlanReader {
  readonly #store: EventStore;
  readonly #cache: PlanCache;

  constructor(store: EventStore, cache: PlanCache) {
    this.#store = store;
    this.#cache = cache;
  }

  async load(planId: string, asOf?: AsOf): Promise<LoadedPlan> {
    if (asOf === undefined) {
      const cached = await this.#cache.get(planId);
      if (cached !== undefined) return cached;
    }
    const events = await this.events(planId, asOf);
    const loaded = { state: foldRecorded(events), version: events.at(-1)?.streamVersion ?? 0 };
    if (asOf === undefined && loaded.version > 0) await this.#cache.set(planId, loaded);
    return loaded;
  }

  /** Like load, but a plan that does not exist (at that point) is a not_found error. */
  async require(planId: string, asOf?: AsOf): Promise<LoadedPlan & { state: Exclude<PlanState, { status: 'NotCreated' }> }> {
    const loaded = await this.load(planId, asOf);
    if (loaded.state.status === 'NotCreated') throw notFound('plan_not_found', `plan ${planId} does not exist${asOf === undefined ? '' : ' at that point'}`);
    return { state: loaded.state, version: loaded.version };
  }

  async events(planId: string, asOf?: AsOf): Promise<readonly RecordedEvent[]> {
    const events = await this.#store.readStream(planStreamId(planId), asOf !== undefined && 'version' in asOf ? { toVersion: asOf.version } : {});
    if (asOf !== undefined && 'time' in asOf) return events.filter((event) => Date.parse(event.occurredAt) <= asOf.time.getTime());
    return events;
  }

  /** Folds the stream again, ignoring the cache (another process may have appended), and caches the result. */
  async refresh(planId: string): Promise<LoadedPlan> {
    const events = await this.events(planId);
    const loaded = { state: foldRecorded(events), version: events.at(-1)?.streamVersion ?? 0 };
    if (loaded.version > 0) await this.#cache.set(planId, loaded);
    return loaded;
  }

  /** Records a state the caller just appended (write-through), so the next read does not fold the stream again. */
  remember(planId: string, state: PlanState, version: number): Promise<void> {
    return this.#cache.set(planId, { state, version });
  }
}
