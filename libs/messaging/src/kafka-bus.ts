import { type Consumer, Kafka, type KafkaMessage, logLevel, Partitioners, type Producer } from 'kafkajs';
import type { Logger } from '@themis/telemetry';
import { type BusMessage, type DeliveredMessage, isNonRetryable, type MessageBus, type SubscribeOptions, type Subscription } from './message-bus.ts';
import { headers as headerNames, topics } from './topics.ts';

export interface KafkaBusOptions {
  readonly brokers: readonly string[];
  /** Names this process to the broker, e.g. `themis-orchestrator`. */
  readonly clientId: string;
  readonly logger: Logger;
  /** Partitions of the topics this bus creates (the most consumers a group can spread over). */
  readonly partitions?: number;
  /** Where failed messages go (default `themis.dlq.v1`; tests use their own). */
  readonly deadLetterTopic?: string;
}

/** Every topic of ARCHITECTURE, created (idempotently) at start. */
export const allTopics = [
  topics.planEvents,
  topics.agentResults,
  topics.deadLetters,
  topics.agentTasks('lda'),
  topics.agentTasks('dea'),
  topics.agentTasks('lsa'),
] as const;

// Consumer settings checked on these machines (NOTES): back within seconds after a broker restart.
const CONSUMER = { sessionTimeout: 6_000, heartbeatInterval: 500, retry: { initialRetryTime: 200, maxRetryTime: 1_000, retries: 50 } };

const kafkaLevel: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'debug',
  [logLevel.DEBUG]: 'debug',
};

function decodeHeaders(message: KafkaMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value !== undefined) out[name] = Array.isArray(value) ? String(value[0]) : String(value);
  }
  return out;
}

/**
 * The MessageBus on Kafka. Key = plan id, so a plan's messages share a partition and stay in
 * order. A message's offset is committed only after its handler resolved (or it was dead-lettered),
 * so a crash means redelivery, never loss. A failing handler is retried with backoff inside the
 * partition (which keeps the order), then the message goes to the dead-letter topic with the error.
 */
export class KafkaBus implements MessageBus {
  readonly #kafka: Kafka;
  readonly #producer: Producer;
  readonly #logger: Logger;
  readonly #partitions: number;
  readonly #deadLetterTopic: string;
  readonly #consumers = new Set<{ consumer: Consumer; stopping: boolean }>();
  #connected: Promise<void> | undefined;

  constructor(options: KafkaBusOptions) {
    this.#logger = options.logger;
    this.#partitions = options.partitions ?? 6;
    this.#deadLetterTopic = options.deadLetterTopic ?? topics.deadLetters;
    this.#kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      retry: { initialRetryTime: 200, maxRetryTime: 2_000, retries: 30 },
      logCreator:
        () =>
        ({ level, log }) => {
          const { message, ...extra } = log;
          this.#logger[kafkaLevel[level] ?? 'debug']({ kafka: extra }, message);
        },
    });
    // One request in flight keeps a partition's order through retries; acks from every in-sync replica.
    // A retried send may be written twice: consumers are idempotent, and a bounded retry lets the
    // outbox relay give up, roll back and try again later instead of holding its transaction open.
    this.#producer = this.#kafka.producer({ maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  }

  /** Connects the producer and creates the topics (with their partitions) if they do not exist. */
  connect(): Promise<void> {
    this.#connected ??= (async () => {
      const admin = this.#kafka.admin();
      await admin.connect();
      try {
        const existing = new Set(await admin.listTopics());
        const missing = [...new Set([...allTopics, this.#deadLetterTopic])].filter((topic) => !existing.has(topic));
        if (missing.length > 0) {
          // Several services may start at once: a topic another one just created is fine.
          await admin
            .createTopics({ waitForLeaders: true, topics: missing.map((topic) => ({ topic, numPartitions: this.#partitions })) })
            .catch((error: unknown) => {
              if (!JSON.stringify(error).includes('TOPIC_ALREADY_EXISTS')) throw error;
            });
        }
      } finally {
        await admin.disconnect();
      }
      await this.#producer.connect();
    })();
    return this.#connected;
  }

  async publish(messages: readonly BusMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.connect();
    const byTopic = new Map<string, BusMessage[]>();
    for (const message of messages) byTopic.set(message.topic, [...(byTopic.get(message.topic) ?? []), message]);
    await this.#producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic.entries()].map(([topic, batch]) => ({
        topic,
        messages: batch.map((message) => ({ key: message.key, value: JSON.stringify(message.payload), headers: { ...message.headers } })),
      })),
    });
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    await this.connect();
    const consumer = this.#kafka.consumer({ groupId: options.groupId, ...CONSUMER });
    const entry = { consumer, stopping: false };
    this.#consumers.add(entry);
    await consumer.connect();
    await consumer.subscribe({ topics: [...options.topics], fromBeginning: true });
    // kafkajs marks a message's offset for commit only when eachMessage returns, and commits after
    // each batch, also while the consumer stops (a manual commit would be dropped then).
    await consumer.run({
      autoCommit: true,
      partitionsConsumedConcurrently: this.#partitions,
      eachMessage: async (payload) => {
        const { topic, partition, message } = payload;
        const handled = await this.#handle(options, entry, topic, partition, message, () => payload.heartbeat());
        // Stopping mid-retry: throw, so the offset is not marked and the next member gets the message.
        if (!handled) throw new Error('stopping before the message was handled; it will be delivered again');
      },
    });
    return {
      stop: async () => {
        entry.stopping = true;
        await consumer.disconnect(); // waits for the message being handled
        this.#consumers.delete(entry);
      },
    };
  }

  /** Delivers with retries; true once the message is done with (handled or dead-lettered). */
  async #handle(
    options: SubscribeOptions,
    entry: { stopping: boolean },
    topic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
  ): Promise<boolean> {
    const maxAttempts = options.maxDeliveryAttempts ?? 5;
    let payload: unknown;
    try {
      payload = message.value === null ? null : JSON.parse(message.value.toString('utf8'));
    } catch (error) {
      await this.#deadLetter(options.groupId, topic, partition, message, undefined, error, 1);
      return true;
    }
    for (let attempt = 1; ; attempt += 1) {
      const delivered: DeliveredMessage = {
        topic,
        key: message.key?.toString('utf8') ?? '',
        headers: decodeHeaders(message),
        payload,
        partition,
        offset: Number(message.offset),
        deliveryAttempt: attempt,
      };
      try {
        await options.handler(delivered);
        return true;
      } catch (error) {
        const giveUp = isNonRetryable(error) || attempt >= maxAttempts;
        this.#logger.warn({ err: error, topic, group: options.groupId, offset: message.offset, attempt, deadLettered: giveUp }, 'message handler failed');
        if (giveUp) {
          await this.#deadLetter(options.groupId, topic, partition, message, payload, error, attempt);
          return true;
        }
        const delay = Math.min((options.retryBaseDelayMs ?? 100) * 2 ** (attempt - 1), options.retryMaxDelayMs ?? 30_000);
        for (let waited = 0; waited < delay; waited += 1_000) {
          if (entry.stopping) return false;
          await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, delay - waited)));
          await heartbeat();
        }
      }
    }
  }

  async #deadLetter(groupId: string, topic: string, partition: number, message: KafkaMessage, payload: unknown, error: unknown, attempts: number): Promise<void> {
    if (topic === this.#deadLetterTopic) return;
    await this.publish([
      {
        topic: this.#deadLetterTopic,
        key: message.key?.toString('utf8') ?? '',
        // The original value when it was not JSON, so nothing is lost.
        payload: payload === undefined ? { unparsed: message.value?.toString('utf8') ?? null } : payload,
        headers: {
          ...decodeHeaders(message),
          [headerNames.originalTopic]: topic,
          [headerNames.originalPartition]: String(partition),
          [headerNames.originalOffset]: message.offset,
          [headerNames.consumerGroup]: groupId,
          [headerNames.error]: error instanceof Error ? error.message : String(error),
          [headerNames.attempts]: String(attempts),
          [headerNames.failedAt]: new Date().toISOString(),
        },
      },
    ]);
  }

  /** Stops every consumer (finishing messages in flight), then the producer. */
  async close(): Promise<void> {
    await Promise.all([...this.#consumers].map(async (entry) => {
      entry.stopping = true;
      await entry.consumer.disconnect();
    }));
    this.#consumers.clear();
    await this.#producer.disconnect();
  }

  /** Kafka's own client, for the dead-letter tools. */
  get client(): Kafka {
    return this.#kafka;
  }
}
