import type { ThemisConfig } from '@themis/config';
import { KafkaBus, listDeadLetters, redriveDeadLetters } from '@themis/messaging';
import type { Logger } from '@themis/telemetry';

/**
 * `themis dlq list|redrive`: the messages that failed all their deliveries, with the error, and
 * putting them back on the topic they failed on. Kafka only: the embedded runtime's in-process
 * bus keeps its dead letters in memory and logs each one.
 */
export async function deadLetterCommand(config: ThemisConfig, logger: Logger, action: string | undefined, json: boolean, out: NodeJS.WriteStream): Promise<number> {
  if (config.bus.kafkaBrokers === undefined) {
    process.stderr.write('themis dlq needs KAFKA_BROKERS (the distributed runtime); the embedded runtime logs each dead letter instead.\n');
    return 2;
  }
  if (action !== 'list' && action !== 'redrive') {
    process.stderr.write('usage: themis dlq list|redrive [--json]\n');
    return 2;
  }
  const bus = new KafkaBus({ brokers: config.bus.kafkaBrokers, clientId: 'themis-dlq', logger });
  await bus.connect();
  try {
    const letters = action === 'list' ? await listDeadLetters(bus.client) : await redriveDeadLetters(bus.client);
    if (json) {
      out.write(`${JSON.stringify(letters, null, 2)}\n`);
      return 0;
    }
    if (letters.length === 0) out.write('No dead letters waiting.\n');
    for (const letter of letters) {
      out.write(`${letter.id}  ${letter.failedAt}  ${letter.originalTopic} (group ${letter.consumerGroup}, ${letter.attempts} attempts)  key ${letter.key}\n    ${letter.error}\n`);
    }
    if (action === 'redrive' && letters.length > 0) out.write(`Redrove ${letters.length} message(s) to their topics.\n`);
    return 0;
  } finally {
    await bus.close();
  }
}
