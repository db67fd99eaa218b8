// What every MessageBus must do, whatever carries the messages: run by the in-process bus's unit
// spec and by the Kafka bus's integration spec against a real broker.
import { afterEach, describe, expect, it } from '@jest/globals';
import { type BusMessage, type DeliveredMessage, type MessageBus, NonRetryableMessageError } from './message-bus.ts';
import { headers } from './topics.ts';

export interface BusUnderTest {
  readonly bus: MessageBus;
  /** A fresh topic for one test (created on the broker when the bus needs that). */
  topic(): Promise<string>;
  /** The dead-letter topic this bus writes to. */
  readonly deadLetters: string;
  close(): Promise<void>;
}

let groups = 0;
const group = (name: string) => `${name}-${process.pid}-${(groups += 1)}`;
const message = (topic: string, key: string, payload: unknown): BusMessage => ({ topic, key, headers: { [headers.messageId]: `${key}-${String(payload)}` }, payload });

async function until(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function describeMessageBusContract(name: string, create: () => Promise<BusUnderTest>): void {
  describe(`${name}: the MessageBus contract`, () => {
    let under: BusUnderTest | undefined;
    const open = async () => (under = await create());
    afterEach(async () => {
      await under?.close();
      under = undefined;
    });

    it('delivers each message with its key, headers and payload, after publish returns', async () => {
      const { bus, topic } = await open();
      const orders = await topic();
      const seen: DeliveredMessage[] = [];
      await bus.subscribe({ groupId: group('g'), topics: [orders], handler: async (m) => void seen.push(m) });
      await bus.publish([message(orders, 'plan-1', { n: 1 })]);
      await until(() => seen.length === 1);
      expect(seen[0]).toMatchObject({ topic: orders, key: 'plan-1', payload: { n: 1 }, deliveryAttempt: 1, headers: { [headers.messageId]: 'plan-1-[object Object]' } });
    });

    it('keeps the order of messages with the same key', async () => {
      const { bus, topic } = await open();
      const orders = await topic();
      const seen: string[] = [];
      await bus.subscribe({
        groupId: group('order'),
        topics: [orders],
        handler: async (m) => {
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
          seen.push(`${m.key}:${String(m.payload)}`);
        },
      });
      await bus.publish(['a', 'b', 'c'].flatMap((key) => Array.from({ length: 10 }, (_, i) => message(orders, key, i))));
      await until(() => seen.length === 30);
      for (const key of ['a', 'b', 'c']) expect(seen.filter((s) => s.startsWith(`${key}:`))).toEqual(Array.from({ length: 10 }, (_, i) => `${key}:${i}`));
    });

    it('gives every group every message, and each message to one member of a group', async () => {
      const { bus, topic } = await open();
      const orders = await topic();
      const byMember: Record<string, unknown[]> = { a1: [], a2: [], b: [] };
      const record = (member: string) => async (m: DeliveredMessage) => void byMember[member]!.push(m.payload);
      const groupA = group('A');
      await bus.subscribe({ groupId: groupA, topics: [orders], handler: record('a1') });
      await bus.subscribe({ groupId: groupA, topics: [orders], handler: record('a2') });
      await bus.subscribe({ groupId: group('B'), topics: [orders], handler: record('b') });
      await bus.publish(Array.from({ length: 40 }, (_, i) => message(orders, `key-${i}`, i)));
      await until(() => byMember['a1']!.length + byMember['a2']!.length === 40 && byMember['b']!.length === 40);
      expect([...byMember['a1']!, ...byMember['a2']!].sort((x, y) => Number(x) - Number(y))).toEqual(Array.from({ length: 40 }, (_, i) => i));
    });

    it('redelivers a message whose handler failed, then moves on', async () => {
      const { bus, topic } = await open();
      const orders = await topic();
      const attempts: number[] = [];
      const done: unknown[] = [];
      await bus.subscribe({
        groupId: group('retry'),
        topics: [orders],
        retryBaseDelayMs: 1,
        handler: async (m) => {
          if (m.payload === 'flaky' && m.deliveryAttempt < 3) {
            attempts.push(m.deliveryAttempt);
            throw new Error('transient');
          }
          done.push(m.payload);
        },
      });
      await bus.publish([message(orders, 'k', 'flaky'), message(orders, 'k', 'next')]);
      await until(() => done.length === 2);
      expect(attempts).toEqual([1, 2]);
      expect(done).toEqual(['flaky', 'next']);
    });

    it('dead-letters a message that keeps failing, with the error attached, and one that can never succeed at once', async () => {
      const { bus, topic, deadLetters } = await open();
      const orders = await topic();
      const dead: DeliveredMessage[] = [];
      await bus.subscribe({ groupId: group('dlq-reader'), topics: [deadLetters], handler: async (m) => void dead.push(m) });
      const done: unknown[] = [];
      let poisonCalls = 0;
      await bus.subscribe({
        groupId: group('dlq'),
        topics: [orders],
        maxDeliveryAttempts: 3,
        retryBaseDelayMs: 1,
        handler: async (m) => {
          if (m.payload === 'poison') throw new Error('cannot handle poison');
          if (m.payload === 'malformed') {
            poisonCalls += 1;
            throw new NonRetryableMessageError('will never parse');
          }
          done.push(m.payload);
        },
      });
      await bus.publish([message(orders, 'k', 'poison'), message(orders, 'k', 'malformed'), message(orders, 'k', 'after')]);
      await until(() => done.length === 1 && dead.filter((m) => m.headers[headers.originalTopic] === orders).length === 2);
      const mine = dead.filter((m) => m.headers[headers.originalTopic] === orders);
      expect(mine.map((m) => [m.payload, m.headers[headers.error], m.headers[headers.attempts], m.headers[headers.messageId]])).toEqual([
        ['poison', 'cannot handle poison', '3', 'k-poison'],
        ['malformed', 'will never parse', '1', 'k-malformed'],
      ]);
      expect(poisonCalls).toBe(1);
      expect(done).toEqual(['after']);
    });

    it('delivers messages published before a group subscribed', async () => {
      const { bus, topic } = await open();
      const orders = await topic();
      await bus.publish([message(orders, 'k', 'early')]);
      const seen: unknown[] = [];
      await bus.subscribe({ groupId: group('late'), topics: [orders], handler: async (m) => void seen.push(m.payload) });
      await until(() => seen.length === 1);
      expect(seen).toEqual(['early']);
    });

    it('finishes the message being handled when a subscription stops, and the next member gets the rest', async () => {
      const { bus, topic } = await open();
      const orders = await topic();
      const shared = group('handover');
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let started = false;
      const first: unknown[] = [];
      const subscription = await bus.subscribe({
        groupId: shared,
        topics: [orders],
        handler: async (m) => {
          started = true;
          await gate;
          first.push(m.payload);
        },
      });
      await bus.publish([message(orders, 'k', 1), message(orders, 'k', 2)]);
      await until(() => started);
      const stopping = subscription.stop();
      release();
      await stopping;
      expect(first).toEqual([1]);
      const second: unknown[] = [];
      await bus.subscribe({ groupId: shared, topics: [orders], handler: async (m) => void second.push(m.payload) });
      await until(() => second.length === 1);
      expect(second).toEqual([2]);
    });
  });
}
