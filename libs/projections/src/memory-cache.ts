import type { PlanState } from '@themis/domain';

export interface CachedPlan {
  readonly state: PlanState;
  readonly version: number;
}

/** Where folded plans are kept between reads. Writes are guarded: an older version never replaces a newer one. */
export interface PlanCache {
  get(planId: string): CachedPlan | undefined;
  set(planId: string, entry: CachedPlan): void;
  readonly stats: { hits: number; misses: number };
}

/** In-memory LRU with a time-to-live, for the embedded runtime. A TTL of 0 disables caching. */
export class MemoryPlanCache implements PlanCache {
  readonly #ttlMs: number;
  readonly #capacity: number;
  readonly #now: () => number;
  readonly #entries = new Map<string, CachedPlan & { expiresAt: number }>();
  readonly stats = { hits: 0, misses: 0 };

  constructor(options: { ttlSeconds: number; capacity?: number; now?: () => number }) {
    this.#ttlMs = options.ttlSeconds * 1000;
    this.#capacity = options.capacity ?? 1_000;
    this.#now = options.now ?? Date.now;
  }

  get(planId: string): CachedPlan | undefined {
    const entry = this.#entries.get(planId);
    if (entry === undefined || entry.expiresAt <= this.#now()) {
      if (entry !== undefined) this.#entries.delete(planId);
      this.stats.misses += 1;
      return undefined;
    }
    // Re-insert to mark as most recently used.
    this.#entries.delete(planId);
    this.#entries.set(planId, entry);
    this.stats.hits += 1;
    return { state: entry.state, version: entry.version };
  }

  set(planId: string, entry: CachedPlan): void {
    if (this.#ttlMs === 0) return;
    const current = this.#entries.get(planId);
    if (current !== undefined && current.version > entry.version && current.expiresAt > this.#now()) return;
    this.#entries.delete(planId);
    this.#entries.set(planId, { ...entry, expiresAt: this.#now() + this.#ttlMs });
    while (this.#entries.size > this.#capacity) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }
}
