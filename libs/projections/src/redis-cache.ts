import { Redis } from 'ioredis';
import type { PlanState } from '@themis/domain';
import type { Logger } from '@themis/telemetry';
import type { CachedPlan, PlanCache } from './memory-cache.ts';

const KEY_PREFIX = 'themis:plan:';

/**
 * Writes only if no newer version is cached: KEYS[1] = the plan's key, ARGV = version, entry
 * JSON, TTL in milliseconds. The version check and the write are one atomic step in Redis.
 */
const SET_IF_NEWER = `
local current = redis.call('HGET', KEYS[1], 'version')
if current and tonumber(current) > tonumber(ARGV[1]) then return 0 end
redis.call('HSET', KEYS[1], 'version', ARGV[1], 'entry', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1`;

/**
 * The projection cache in Redis, shared by every process: write-through on each append, guarded by
 * version, expiring after the TTL. When Redis cannot answer, reads miss (the plan is folded from
 * PostgreSQL) and writes are skipped: the service stays up, only slower.
 */
export class RedisPlanCache implements PlanCache {
  readonly #redis: Redis;
  readonly #ttlMs: number;
  readonly #logger: Logger;
  readonly stats = { hits: 0, misses: 0, errors: 0 };
  #lastWarning = 0;

  constructor(url: string, options: { ttlSeconds: number; logger: Logger }) {
    this.#ttlMs = options.ttlSeconds * 1000;
    this.#logger = options.logger;
    // Fail fast while Redis is away (no offline queue, one try), and keep reconnecting in the background.
    this.#redis = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
      retryStrategy: (times) => Math.min(times * 200, 2_000),
      lazyConnect: false,
    });
    this.#redis.on('error', (error: Error) => this.#warn(error, 'Redis is unavailable; reading plans from PostgreSQL'));
  }

  /** Resolves once connected, or after `timeoutMs` if Redis is away (the cache then starts as all misses). */
  ready(timeoutMs = 2_000): Promise<void> {
    if (this.#redis.status === 'ready') return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.#redis.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async get(planId: string): Promise<CachedPlan | undefined> {
    if (this.#ttlMs === 0) return undefined;
    try {
      const entry = await this.#redis.hget(`${KEY_PREFIX}${planId}`, 'entry');
      if (entry === null) {
        this.stats.misses += 1;
        return undefined;
      }
      this.stats.hits += 1;
      return JSON.parse(entry) as { state: PlanState; version: number };
    } catch (error) {
      this.stats.errors += 1;
      this.#warn(error, 'Redis read failed; reading the plan from PostgreSQL');
      return undefined;
    }
  }

  async set(planId: string, entry: CachedPlan): Promise<void> {
    if (this.#ttlMs === 0) return;
    try {
      await this.#redis.eval(SET_IF_NEWER, 1, `${KEY_PREFIX}${planId}`, entry.version, JSON.stringify(entry), this.#ttlMs);
    } catch (error) {
      this.stats.errors += 1;
      this.#warn(error, 'Redis write failed; the next read folds the plan from PostgreSQL');
    }
  }

  async close(): Promise<void> {
    await this.#redis.quit().catch(() => this.#redis.disconnect());
  }

  /** At most one warning every 10 s: an outage must not flood the log. */
  #warn(error: unknown, message: string): void {
    if (Date.now() - this.#lastWarning < 10_000) return;
    this.#lastWarning = Date.now();
    this.#logger.warn({ err: error }, message);
  }
}
