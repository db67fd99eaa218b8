import { silentLogger, type Logger } from '@themis/telemetry';
import { type BusMessage, type DeliveredMessage, isNonRetryable, type MessageBus, type SubscribeOptions, type Subscription } from './message-bus.ts';
import { headers, topics } from './topics.ts';

interface Partition {
  /** log[i] has offset `base + i`; older messages are trimmed once every group has consumed them. */
  readonly log: BusMessage[];
  base: number;
}

interface Cursor {
  committed: number;
  failedAttempts: number;
  delivering: Promise<void> | undefined;
  retryTimer: NodeJS.Timeout | undefined;
}

interface Member {
  readonly options: SubscribeOptions;
  stopped: boolean;
}

interface Group {
  readonly members: Member[];
  readonly cursors: Map<string, Cursor>;
}

export interface InProcessBusOptions {
  readonly partitions?: number;
  /** Messages kept per partition for groups that have not read them yet (like a topic's retention). */
  readonly retention?: number;
  readonly logger?: Logger;
}

/** FNV-1a: a stable key → partition mapping, so one plan's messages stay in order. */
function partitionOf(key: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % count;
}

/**
 * The in-process bus: the same contract as Kafka (topics, keys, partitions, consumer groups,
 * at-least-once, ordered per key, retries then dead-letter), delivered asynchronously in memory.
 */
export class InProcessBus implements MessageBus {
  readonly #partitionCount: number;
  readonly #retention: number;
  readonly #logger: Logger;
  readonly #topics = new Map<string, Partition[]>();
  readonly #groups = new Map<string, Group>();
  #closed = false;

  constructor(options: InProcessBusOptions = {}) {
    this.#partitionCount = options.partitions ?? 4;
    this.#retention = options.retention ?? 10_000;
    this.#logger = options.logger ?? silentLogger;
  }

  publish(messages: readonly BusMessage[]): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('the bus is closed'));
    for (const message of messages) {
      const partitions = this.#topic(message.topic);
      const partition = partitions[partitionOf(message.key, partitions.length)]!;
      partition.log.push({ ...message, headers: { ...message.headers } });
      this.#trim(message.topic, partition);
    }
    for (const topic of new Set(messages.map((message) => message.topic))) this.#wakeTopic(topic);
    return Promise.resolve();
  }

  subscribe(options: SubscribeOptions): Promise<Subscription> {
    if (this.#closed) return Promise.reject(new Error('the bus is closed'));
    let group = this.#groups.get(options.groupId);
    if (group === undefined) {
      group = { members: [], cursors: new Map() };
      this.#groups.set(options.groupId, group);
    }
    const member: Member = { options, stopped: false };
    group.members.push(member);
    for (const topic of options.topics) {
      this.#topic(topic).forEach((partition, index) => {
        const key = `${topic}#${index}`;
        // A new group starts at the oldest retained message, like auto.offset.reset=earliest.
        if (!group.cursors.has(key)) group.cursors.set(key, { committed: partition.base, failedAttempts: 0, delivering: undefined, retryTimer: undefined });
      });
    }
    this.#wakeGroup(group);
    return Promise.resolve({ stop: () => this.#leave(options.groupId, member) });
  }

  async close(): Promise<void> {
    this.#closed = true;
    const leaving = [...this.#groups.entries()].flatMap(([id, group]) => group.members.map((member) => this.#leave(id, member)));
    await Promise.all(leaving);
  }

  /** Messages not yet consumed by a group (for tests and progress reports). */
  lag(groupId: string, topic: string): number {
    const group = this.#groups.get(groupId);
    return this.#topic(topic).reduce((sum, partition, index) => {
      const committed = group?.cursors.get(`${topic}#${index}`)?.committed ?? partition.base;
      return sum + partition.base + partition.log.length - committed;
    }, 0);
  }

  /** Messages currently retained on a topic, oldest first (for tests and `themis dlq` in embedded mode). */
  retained(topic: string): BusMessage[] {
    return this.#topic(topic).flatMap((partition) => partition.log);
  }

  async #leave(groupId: string, member: Member): Promise<void> {
    const group = this.#groups.get(groupId);
    if (group === undefined || member.stopped) return;
    member.stopped = true;
    const mine = [...group.cursors.entries()].filter(([key]) => this.#assignee(group, key) === member || this.#assignee(group, key) === undefined);
    await Promise.all(mine.flatMap(([, cursor]) => (cursor.delivering === undefined ? [] : [cursor.delivering])));
    group.members.splice(group.members.indexOf(member), 1);
    for (const [, cursor] of mine) {
      if (cursor.retryTimer !== undefined && group.members.length === 0) {
        clearTimeout(cursor.retryTimer);
        cursor.retryTimer = undefined;
      }
    }
    this.#wakeGroup(group);
  }

  #topic(name: string): Partition[] {
    let partitions = this.#topics.get(name);
    if (partitions === undefined) {
      partitions = Array.from({ length: this.#partitionCount }, () => ({ log: [], base: 0 }));
      this.#topics.set(name, partitions);
    }
    return partitions;
  }

  /** Partitions of a topic are spread over the live members that subscribe to it. */
  #assignee(group: Group, cursorKey: string): Member | undefined {
    const [topic, index] = cursorKey.split('#') as [string, string];
    const live = group.members.filter((member) => !member.stopped && member.options.topics.includes(topic));
    return live.length === 0 ? undefined : live[Number(index) % live.length];
  }

  #wakeTopic(topic: string): void {
    for (const group of this.#groups.values()) {
      for (const key of group.cursors.keys()) if (key.startsWith(`${topic}#`)) this.#schedule(group, key);
    }
  }

  #wakeGroup(group: Group): void {
    for (const key of group.cursors.keys()) this.#schedule(group, key);
  }

  #schedule(group: Group, key: string): void {
    setImmediate(() => this.#pump(group, key));
  }

  #pump(group: Group, key: string): void {
    const cursor = group.cursors.get(key);
    if (this.#closed || cursor === undefined || cursor.delivering !== undefined || cursor.retryTimer !== undefined) return;
    const member = this.#assignee(group, key);
    if (member === undefined) return;
    const [topic, index] = key.split('#') as [string, string];
    const partition = this.#topic(topic)[Number(index)]!;
    if (cursor.committed < partition.base) cursor.committed = partition.base; // trimmed by retention
    const message = partition.log[cursor.committed - partition.base];
    if (message === undefined) return;
    const delivered: DeliveredMessage = { ...message, partition: Number(index), offset: cursor.committed, deliveryAttempt: cursor.failedAttempts + 1 };
    cursor.delivering = this.#deliver(member, delivered, cursor).finally(() => {
      cursor.delivering = undefined;
      this.#trim(topic, partition);
      this.#schedule(group, key);
    });
  }

  async #deliver(member: Member, message: DeliveredMessage, cursor: Cursor): Promise<void> {
    const maxAttempts = member.options.maxDeliveryAttempts ?? 5;
    try {
      await member.options.handler(message);
      cursor.committed = message.offset + 1;
      cursor.failedAttempts = 0;
    } catch (error) {
      cursor.failedAttempts += 1;
      const giveUp = isNonRetryable(error) || cursor.failedAttempts >= maxAttempts;
      this.#logger.warn(
        { err: error, topic: message.topic, group: member.options.groupId, offset: message.offset, attempt: cursor.failedAttempts, deadLettered: giveUp },
        'message handler failed',
      );
      if (giveUp) {
        await this.#deadLetter(member.options.groupId, message, error, cursor.failedAttempts);
        cursor.committed = message.offset + 1;
        cursor.failedAttempts = 0;
        return;
      }
      const delay = Math.min((member.options.retryBaseDelayMs ?? 100) * 2 ** (cursor.failedAttempts - 1), member.options.retryMaxDelayMs ?? 30_000);
      cursor.retryTimer = setTimeout(() => {
        cursor.retryTimer = undefined;
        this.#wakeTopic(message.topic);
      }, delay);
    }
  }

  async #deadLetter(groupId: string, message: DeliveredMessage, error: unknown, attempts: number): Promise<void> {
    if (message.topic === topics.deadLetters) return; // never loop on the dead-letter topic itself
    await this.publish([
      {
        topic: topics.deadLetters,
        key: message.key,
        payload: message.payload,
        headers: {
          ...message.headers,
          [headers.originalTopic]: message.topic,
          [headers.originalPartition]: String(message.partition),
          [headers.originalOffset]: String(message.offset),
          [headers.consumerGroup]: groupId,
          [headers.error]: error instanceof Error ? error.message : String(error),
          [headers.attempts]: String(attempts),
          [headers.failedAt]: new Date().toISOString(),
        },
      },
    ]);
  }

  /** Drops messages every group has consumed, and the oldest beyond the retention limit. */
  #trim(topic: string, partition: Partition): void {
    const index = this.#topic(topic).indexOf(partition);
    const readers = [...this.#groups.values()].map((group) => group.cursors.get(`${topic}#${index}`)).filter((cursor) => cursor !== undefined);
    const consumedByAll = readers.length === 0 ? partition.base : Math.min(...readers.map((cursor) => cursor.committed));
    const overRetention = partition.base + partition.log.length - this.#retention;
    const newBase = Math.max(readers.length === 0 ? overRetention : consumedByAll, overRetention, partition.base);
    if (newBase > partition.base) {
      partition.log.splice(0, newBase - partition.base);
      partition.base = newBase;
    }
  }
}
