import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { PlanState } from '@themis/domain';
import { loadTestEnvironment } from '@themis/config';
import { freePort } from '@themis/event-store';
import { silentLogger } from '@themis/telemetry';
import { RedisPlanCache } from './redis-cache.ts';

const state = (title: string) => ({ status: 'Planned', title }) as unknown as PlanState;

describe('Redis plan cache', () => {
  let cache: RedisPlanCache;
  beforeAll(async () => {
    cache = new RedisPlanCache(loadTestEnvironment().redisUrl!, { ttlSeconds: 60, logger: silentLogger });
    await cache.ready();
  });
  afterAll(async () => {
    await cache.close();
  });

  it('writes through and reads back the latest version', async () => {
    const id = randomUUID();
    expect(await cache.get(id)).toBeUndefined();
    await cache.set(id, { state: state('v1'), version: 1 });
    await cache.set(id, { state: state('v3'), version: 3 });
    expect(await cache.get(id)).toEqual({ state: state('v3'), version: 3 });
  });

  it('never lets an older version replace a newer one, whichever process writes it', async () => {
    const id = randomUUID();
    const other = new RedisPlanCache(loadTestEnvironment().redisUrl!, { ttlSeconds: 60, logger: silentLogger });
    await other.ready();
    try {
      await cache.set(id, { state: state('new'), version: 5 });
      await other.set(id, { state: state('old'), version: 4 });
      expect((await other.get(id))?.version).toBe(5);
    } finally {
      await other.close();
    }
  });

  it('expires entries after the time to live', async () => {
    const short = new RedisPlanCache(loadTestEnvironment().redisUrl!, { ttlSeconds: 1, logger: silentLogger });
    await short.ready();
    try {
      const id = randomUUID();
      await short.set(id, { state: state('x'), version: 1 });
      expect(await short.get(id)).toBeDefined();
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      expect(await short.get(id)).toBeUndefined();
    } finally {
      await short.close();
    }
  });

  it('answers as a miss, not an error, when Redis cannot be reached', async () => {
    const nowhere = new RedisPlanCache(`redis://127.0.0.1:${await freePort()}`, { ttlSeconds: 60, logger: silentLogger });
    await nowhere.ready(300);
    try {
      await nowhere.set(randomUUID(), { state: state('x'), version: 1 });
      expect(await nowhere.get(randomUUID())).toBeUndefined();
      expect(nowhere.stats.errors).toBeGreaterThanOrEqual(2);
    } finally {
      await nowhere.close();
    }
  });
});
