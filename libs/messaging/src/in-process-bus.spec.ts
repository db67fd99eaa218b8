import { afterEach, describe, expect, it } from '@jest/globals';
import { InProcessBus } from './in-process-bus.ts';
import { type DeliveredMessage, NonRetryableMessageError } from './message-bus.ts';
import { headers, topics } from './topics.ts';

const message = (key: string, payload: unknown, topic = 'orders') => ({ topic, key, headers: { [headers.messageId]: `${key}-${String(payload)}` }, payload });

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('in-process bus', () => {
  let bus: InProcessBus;
  afterEach(async () => {
    await bus.close();
  });

  it('delivers after publish returns, not during it', async () => {
    bus = new InProcessBus();
    const seen: unknown[] = [];
    await bus.subscribe({ groupId: 'g', topics: ['orders'], handler: async (m) => void seen.push(m.payload) });
    await bus.publish([message('k', 1)]);
    expect(seen).toEqual([]);
    await until(() => seen.length === 1);
    expect(seen).toEqual([1]);
  });

  it('keeps the order of messages with the same key', async () => {
    bus = new InProcessBus({ partitions: 3 });
    const seen: string[] = [];
    await bus.subscribe({
      groupId: 'g',
      topics: ['orders'],
      handler: async (m) => {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
        seen.push(`${m.key}:${String(m.payload)}`);
      },
    });
    const published = ['a', 'b', 'c'].flatMap((key) => Array.from({ length: 10 }, (_, i) => message(key, i)));
    await bus.publish(published);
    await until(() => seen.length === 30);
    for (const key of ['a', 'b', 'c']) {
      expect(seen.filter((s) => s.startsWith(`${key}:`))).toEqual(Array.from({ length: 10 }, (_, i) => `${key}:${i}`));
    }
  });

  it('gives every group every message, and each message to one member of a group', async () => {
    bus = new InProcessBus({ partitions: 4 });
    const byMember: Record<string, unknown[]> = { a1: [], a2: [], b: [] };
    const record = (name: string) => async (m: DeliveredMessage) => void byMember[name]!.push(m.payload);
    await bus.subscribe({ groupId: 'A', topics: ['orders'], handler: record('a1') });
    await bus.subscribe({ groupId: 'A', topics: ['orders'], handler: record('a2') });
    await bus.subscribe({ groupId: 'B', topics: ['orders'], handler: record('b') });
    await bus.publish(Array.from({ length: 40 }, (_, i) => message(`key-${i}`, i)));
    await until(() => byMember['a1']!.length + byMember['a2']!.length === 40 && byMember['b']!.length === 40);
    expect([...byMember['a1']!, ...byMember['a2']!].sort((x, y) => Number(x) - Number(y))).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(byMember['a1']!.length).toBeGreaterThan(0);
    expect(byMember['a2']!.length).toBeGreaterThan(0);
  });

  it('redelivers a message whose handler failed, then moves on', async () => {
    bus = new InProcessBus();
    const attempts: number[] = [];
    const done: unknown[] = [];
    await bus.subscribe({
      groupId: 'g',
      topics: ['orders'],
      retryBaseDelayMs: 1,
      handler: async (m) => {
        if (m.payload === 'flaky' && m.deliveryAttempt < 3) {
          attempts.push(m.deliveryAttempt);
          throw new Error('transient');
        }
        done.push(m.payload);
      },
    });
    await bus.publish([message('k', 'flaky'), message('k', 'next')]);
    await until(() => done.length === 2);
    expect(attempts).toEqual([1, 2]);
    expect(done).toEqual(['flaky', 'next']);
  });

  it('dead-letters a message that keeps failing, with the error attached', async () => {
    bus = new InProcessBus();
    const done: unknown[] = [];
    await bus.subscribe({
      groupId: 'g',
      topics: ['orders'],
      maxDeliveryAttempts: 3,
      retryBaseDelayMs: 1,
      handler: async (m) => {
        if (m.payload === 'poison') throw new Error('cannot handle poison');
        done.push(m.payload);
      },
    });
    await bus.publish([message('k', 'poison'), message('k', 'after')]);
    await until(() => done.length === 1);
    const [dead] = bus.retained(topics.deadLetters);
    expect(dead?.payload).toBe('poison');
    expect(dead?.headers).toMatchObject({
      [headers.originalTopic]: 'orders',
      [headers.consumerGroup]: 'g',
      [headers.error]: 'cannot handle poison',
      [headers.attempts]: '3',
      [headers.messageId]: 'k-poison',
    });
    expect(done).toEqual(['after']);
  });

  it('dead-letters a non-retryable failure on the first delivery', async () => {
    bus = new InProcessBus();
    let calls = 0;
    await bus.subscribe({
      groupId: 'g',
      topics: ['orders'],
      handler: async () => {
        calls += 1;
        throw new NonRetryableMessageError('malformed');
      },
    });
    await bus.publish([message('k', 'bad')]);
    await until(() => bus.retained(topics.deadLetters).length === 1);
    expect(calls).toBe(1);
  });

  it('delivers messages published before a group subscribed', async () => {
    bus = new InProcessBus();
    await bus.publish([message('k', 'early')]);
    const seen: unknown[] = [];
    await bus.subscribe({ groupId: 'late', topics: ['orders'], handler: async (m) => void seen.push(m.payload) });
    await until(() => seen.length === 1);
    expect(seen).toEqual(['early']);
  });

  it('waits for the message being handled when a subscription stops, and delivers the rest to the next member', async () => {
    bus = new InProcessBus({ partitions: 1 });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first: unknown[] = [];
    const second: unknown[] = [];
    const subscription = await bus.subscribe({
      groupId: 'g',
      topics: ['orders'],
      handler: async (m) => {
        await gate;
        first.push(m.payload);
      },
    });
    await bus.publish([message('k', 1), message('k', 2)]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const stopping = subscription.stop();
    release();
    await stopping;
    expect(first).toEqual([1]);
    await bus.subscribe({ groupId: 'g', topics: ['orders'], handler: async (m) => void second.push(m.payload) });
    await until(() => second.length === 1);
    expect(second).toEqual([2]);
    expect(bus.lag('g', 'orders')).toBe(0);
  });
});
