import type { PlanState } from '@themis/domain';

export interface CachedPlan {
  readonly state: PlanState;
  readonly version: number;
}

/**
 * Where folded plans are kept between reads. Writes are guarded: an older version never replaces
 * a newer one. A cache that cannot answer behaves as a miss: the plan is folded from PostgreSQL.
 */
export interface PlanCache {
  get(planId: string): Promise<CachedPlan | undefined>;
  set(planId: string, entry: CachedPlan): Promise<void>;
  readonly stats: { hits: number; misses: number; errors: number };
  close(): Promise<void>;
}

/** In-memory LRU with a time-to-live, for the embedded runtime. A TTL of 0 disables caching. */
export class MemoryPlanCache implements PlanCache {
  readonly #ttlMs: number;
  readonly #capacity: number;
  readonly #now: () => number;
  readonly #entries = new Map<string, CachedPlan & { expiresAt: number }>();
  readonly stats = { hits: 0, misses: 0, errors: 0 };

  constructor(options: { ttlSeconds: number; capacity?: number; now?: () => number }) {
    this.#ttlMs = options.ttlSeconds * 1000;
    this.#capacity = options.capacity ?? 1_000;
    this.#now = options.now ?? Date.now;
  }

  get(planId: string): Promise<CachedPlan | undefined> {
    const entry = this.#entries.get(planId);
    if (entry === undefined || entry.expiresAt <= this.#now()) {
      if (entry !== undefined) this.#entries.delete(planId);
      this.stats.misses += 1;
      return Promise.resolve(undefined);
    }
    // Re-insert to mark as most recently used.
    this.#entries.delete(planId);
    this.#entries.set(planId, entry);
    this.stats.hits += 1;
    return Promise.resolve({ state: entry.state, version: entry.version });
  }

  set(planId: string, entry: CachedPlan): Promise<void> {
    if (this.#ttlMs === 0) return Promise.resolve();
    const current = this.#entries.get(planId);
    if (current !== undefined && current.version > entry.version && current.expiresAt > this.#now()) return Promise.resolve();
    this.#entries.delete(planId);
    this.#entries.set(planId, { ...entry, expiresAt: this.#now() + this.#ttlMs });
    while (this.#entries.size > this.#capacity) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.#entries.clear();
    return Promise.resolve();
  }
}
