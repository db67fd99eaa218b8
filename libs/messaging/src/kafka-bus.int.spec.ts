import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { loadTestEnvironment } from '@themis/config';
import { silentLogger } from '@themis/telemetry';
import { KafkaBus } from './kafka-bus.ts';
import { describeMessageBusContract } from './message-bus.contract.ts';
import { topics } from './topics.ts';

const brokers = () => {
  const value = loadTestEnvironment().kafkaBrokers;
  if (value === undefined) throw new Error('No Kafka broker: run integration tests through "npm test" (its global setup starts one).');
  return [value];
};

describeMessageBusContract('Kafka bus', async () => {
  const bus = new KafkaBus({ brokers: brokers(), clientId: 'themis-bus-spec', logger: silentLogger, partitions: 3 });
  await bus.connect();
  const admin = new Kafka({ brokers: brokers(), clientId: 'themis-bus-spec-admin', logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  return {
    bus,
    deadLetters: topics.deadLetters,
    topic: async () => {
      const name = `spec.orders.${randomBytes(4).toString('hex')}`;
      await admin.createTopics({ waitForLeaders: true, topics: [{ topic: name, numPartitions: 3 }] });
      return name;
    },
    close: async () => {
      await bus.close();
      await admin.disconnect();
    },
  };
});
