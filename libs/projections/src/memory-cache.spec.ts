import { describe, expect, it } from '@jest/globals';
import type { PlanState } from '@themis/domain';
import { MemoryPlanCache } from './memory-cache.ts';

const state = (title: string) => ({ status: 'Planned', title }) as unknown as PlanState;

describe('memory plan cache', () => {
  it('serves an entry until its time to live runs out', async () => {
    let now = 1_000;
    const cache = new MemoryPlanCache({ ttlSeconds: 60, now: () => now });
    await cache.set('p', { state: state('a'), version: 1 });
    now += 59_999;
    expect((await cache.get('p'))?.version).toBe(1);
    now += 1;
    expect(await cache.get('p')).toBeUndefined();
    expect(cache.stats).toEqual({ hits: 1, misses: 1, errors: 0 });
  });

  it('never lets an older version replace a newer one', async () => {
    const cache = new MemoryPlanCache({ ttlSeconds: 60 });
    await cache.set('p', { state: state('new'), version: 5 });
    await cache.set('p', { state: state('old'), version: 4 });
    expect((await cache.get('p'))?.version).toBe(5);
    await cache.set('p', { state: state('newer'), version: 6 });
    expect((await cache.get('p'))?.version).toBe(6);
  });

  it('evicts the least recently used entry beyond its capacity', async () => {
    const cache = new MemoryPlanCache({ ttlSeconds: 60, capacity: 2 });
    await cache.set('a', { state: state('a'), version: 1 });
    await cache.set('b', { state: state('b'), version: 1 });
    await cache.get('a');
    await cache.set('c', { state: state('c'), version: 1 });
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('a')).toBeDefined();
    expect(await cache.get('c')).toBeDefined();
  });

  it('caches nothing with a time to live of zero', async () => {
    const cache = new MemoryPlanCache({ ttlSeconds: 0 });
    await cache.set('p', { state: state('a'), version: 1 });
    expect(await cache.get('p')).toBeUndefined();
  });
});
