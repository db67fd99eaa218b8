import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { loadTestEnvironment } from '@themis/config';
import { silentLogger } from '@themis/telemetry';
import { listDeadLetters, redriveDeadLetters } from './dead-letters.ts';
import { KafkaBus } from './kafka-bus.ts';
import { headers } from './topics.ts';

describe('dead letters on Kafka', () => {
  it('lists a message that failed every delivery with its error, and redrives it to its topic once', async () => {
    const brokers = [loadTestEnvironment().kafkaBrokers!];
    const suffix = randomBytes(4).toString('hex');
    const deadLetterTopic = `spec.dlq.${suffix}`;
    const orders = `spec.dlq-orders.${suffix}`;
    const bus = new KafkaBus({ brokers, clientId: 'themis-dlq-spec', logger: silentLogger, partitions: 2, deadLetterTopic });
    await bus.connect();
    const admin = bus.client.admin();
    await admin.connect();
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic: orders, numPartitions: 2 }] });
    await admin.disconnect();
    try {
      let broken = true;
      const handled: unknown[] = [];
      await bus.subscribe({
        groupId: `spec-dlq-${suffix}`,
        topics: [orders],
        maxDeliveryAttempts: 2,
        retryBaseDelayMs: 1,
        handler: async (message) => {
          if (broken) throw new Error('downstream rejected it');
          handled.push(message.payload);
        },
      });
      await bus.publish([{ topic: orders, key: 'plan-7', headers: { [headers.messageId]: 'm-1' }, payload: { step: 'lda' } }]);

      let letters = await listDeadLetters(bus.client, deadLetterTopic);
      for (let waited = 0; letters.length === 0 && waited < 30_000; waited += 200) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        letters = await listDeadLetters(bus.client, deadLetterTopic);
      }
      expect(letters).toHaveLength(1);
      expect(letters[0]).toMatchObject({ key: 'plan-7', originalTopic: orders, error: 'downstream rejected it', attempts: '2', payload: { step: 'lda' } });

      broken = false;
      expect(await redriveDeadLetters(bus.client, deadLetterTopic)).toHaveLength(1);
      for (let waited = 0; handled.length === 0 && waited < 30_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(handled).toEqual([{ step: 'lda' }]);
      expect(await listDeadLetters(bus.client, deadLetterTopic)).toEqual([]);
      expect(await redriveDeadLetters(bus.client, deadLetterTopic)).toEqual([]);
    } finally {
      await bus.close();
    }
  });
});
