import { describe, expect, it } from '@jest/globals';
import { InProcessBus } from './in-process-bus.ts';
import { describeMessageBusContract } from './message-bus.contract.ts';
import { topics } from './topics.ts';

let topicCount = 0;

describeMessageBusContract('in-process bus', () => {
  const bus = new InProcessBus({ partitions: 3 });
  return Promise.resolve({ bus, topic: () => Promise.resolve(`orders-${(topicCount += 1)}`), deadLetters: topics.deadLetters, close: () => bus.close() });
});

describe('in-process bus', () => {
  it('reports the lag of a group and forgets what every group has read', async () => {
    const bus = new InProcessBus({ partitions: 1 });
    const seen: unknown[] = [];
    await bus.subscribe({ groupId: 'g', topics: ['t'], handler: async (m) => void seen.push(m.payload) });
    await bus.publish([{ topic: 't', key: 'k', headers: {}, payload: 1 }]);
    expect(bus.lag('g', 't')).toBe(1);
    while (seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(bus.lag('g', 't')).toBe(0);
    expect(bus.retained('t')).toEqual([]);
    await bus.close();
  });
});
