import type { Kafka } from 'kafkajs';
import { headers, topics } from './topics.ts';

/** The consumer group whose committed offsets mark how far a dead-letter topic has been redriven. */
export const redriveGroup = (deadLetterTopic: string) => `themis-dlq-redrive.${deadLetterTopic}`;

export interface DeadLetter {
  /** `<partition>:<offset>` on the dead-letter topic. */
  readonly id: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string;
  readonly originalTopic: string;
  readonly consumerGroup: string;
  readonly error: string;
  readonly attempts: string;
  readonly failedAt: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly payload: unknown;
}

const deadLetterHeaders = new Set<string>([
  headers.originalTopic,
  headers.originalPartition,
  headers.originalOffset,
  headers.consumerGroup,
  headers.error,
  headers.attempts,
  headers.failedAt,
]);

/** Dead letters not yet redriven, oldest first per partition. */
export async function listDeadLetters(kafka: Kafka, deadLetterTopic: string = topics.deadLetters): Promise<DeadLetter[]> {
  const admin = kafka.admin();
  await admin.connect();
  let ranges: { partition: number; from: bigint; to: bigint }[];
  try {
    const ends = await admin.fetchTopicOffsets(deadLetterTopic);
    const committed = (await admin.fetchOffsets({ groupId: redriveGroup(deadLetterTopic), topics: [deadLetterTopic] }))[0]?.partitions ?? [];
    ranges = ends.map((end) => {
      const done = committed.find((entry) => entry.partition === end.partition)?.offset ?? '-1';
      return { partition: end.partition, from: BigInt(done === '-1' ? end.low : done), to: BigInt(end.high) };
    });
  } finally {
    await admin.disconnect();
  }
  const pending = ranges.filter((range) => range.from < range.to);
  if (pending.length === 0) return [];
  // A throwaway reader (a new group, nothing committed) reads from the start and keeps what lies
  // between each partition's redrive point and its end.
  const consumer = kafka.consumer({ groupId: `themis-dlq-reader-${process.pid}-${Date.now()}`, allowAutoTopicCreation: false });
  const letters: DeadLetter[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [deadLetterTopic], fromBeginning: true });
    const done = new Promise<void>((resolve) => {
      const remaining = new Map(pending.map((range) => [range.partition, range]));
      void consumer.run({
        autoCommit: false,
        eachMessage: ({ partition, message }) => {
          const range = remaining.get(partition);
          if (range !== undefined && BigInt(message.offset) >= range.from && BigInt(message.offset) < range.to) {
            const all = Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]));
            letters.push({
              id: `${partition}:${message.offset}`,
              partition,
              offset: message.offset,
              key: message.key?.toString('utf8') ?? '',
              originalTopic: all[headers.originalTopic] ?? '',
              consumerGroup: all[headers.consumerGroup] ?? '',
              error: all[headers.error] ?? '',
              attempts: all[headers.attempts] ?? '',
              failedAt: all[headers.failedAt] ?? '',
              headers: all,
              payload: message.value === null ? null : (JSON.parse(message.value.toString('utf8')) as unknown),
            });
            if (BigInt(message.offset) + 1n >= range.to) remaining.delete(partition);
          }
          if (remaining.size === 0) resolve();
          return Promise.resolve();
        },
      });
    });
    await done;
  } finally {
    await consumer.disconnect();
  }
  return letters.sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
}

/**
 * Publishes every pending dead letter back to the topic it failed on (without the dead-letter
 * headers, with `x-redriven-from`), then marks them redriven. Consumers are idempotent, so a
 * message redriven twice is harmless.
 */
export async function redriveDeadLetters(kafka: Kafka, deadLetterTopic: string = topics.deadLetters): Promise<DeadLetter[]> {
  const letters = await listDeadLetters(kafka, deadLetterTopic);
  if (letters.length === 0) return [];
  const producer = kafka.producer();
  await producer.connect();
  try {
    for (const letter of letters) {
      const kept = Object.fromEntries(Object.entries(letter.headers).filter(([name]) => !deadLetterHeaders.has(name)));
      await producer.send({
        topic: letter.originalTopic,
        acks: -1,
        messages: [{ key: letter.key, value: JSON.stringify(letter.payload), headers: { ...kept, 'x-redriven-from': `${deadLetterTopic}/${letter.id}` } }],
      });
    }
  } finally {
    await producer.disconnect();
  }
  const admin = kafka.admin();
  await admin.connect();
  try {
    const next = new Map<number, bigint>();
    for (const letter of letters) next.set(letter.partition, BigInt(letter.offset) + 1n);
    await admin.setOffsets({
      groupId: redriveGroup(deadLetterTopic),
      topic: deadLetterTopic,
      partitions: [...next.entries()].map(([partition, offset]) => ({ partition, offset: offset.toString() })),
    });
  } finally {
    await admin.disconnect();
  }
  return letters;
}
