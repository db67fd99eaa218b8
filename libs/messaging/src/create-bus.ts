import type { Logger } from '@themis/telemetry';
import { InProcessBus } from './in-process-bus.ts';
import { KafkaBus } from './kafka-bus.ts';
import type { MessageBus } from './message-bus.ts';

/** Kafka when brokers are configured (KAFKA_BROKERS), else the in-process bus. Connected and with its topics. */
export async function createBus(settings: { readonly kafkaBrokers: readonly string[] | undefined }, clientId: string, logger: Logger): Promise<MessageBus> {
  if (settings.kafkaBrokers === undefined) return new InProcessBus({ logger });
  const bus = new KafkaBus({ brokers: settings.kafkaBrokers, clientId, logger });
  await bus.connect();
  return bus;
}
