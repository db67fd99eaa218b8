import type { Logger } from '@themis/telemetry';
import { MemoryPlanCache, type PlanCache } from './memory-cache.ts';
import { RedisPlanCache } from './redis-cache.ts';

/** Redis when REDIS_URL is set (shared by every process), else memory. */
export function createPlanCache(settings: { readonly ttlSeconds: number; readonly redisUrl: string | undefined }, logger: Logger): PlanCache {
  return settings.redisUrl === undefined
    ? new MemoryPlanCache({ ttlSeconds: settings.ttlSeconds })
    : new RedisPlanCache(settings.redisUrl, { ttlSeconds: settings.ttlSeconds, logger });
}
