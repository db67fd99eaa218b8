import type { Logger } from '@themis/telemetry';
import { MemoryPlanCache, type PlanCache } from './memory-cache.ts';
import { RedisPlanCache } from './redis-cache.ts';

/** Redis when REDIS_URL is set (shared by every process; connected, or given up on after 2 s), else memory. */
export async function createPlanCache(settings: { readonly ttlSeconds: number; readonly redisUrl: string | undefined }, logger: Logger): Promise<PlanCache> {
  if (settings.redisUrl === undefined) return new MemoryPlanCache({ ttlSeconds: settings.ttlSeconds });
  const cache = new RedisPlanCache(settings.redisUrl, { ttlSeconds: settings.ttlSeconds, logger });
  await cache.ready();
  return cache;
}
