import { ConfigError, type ThemisConfig } from './config.ts';

/**
 * A service started on its own (the distributed runtime) talks to shared infrastructure only:
 * refuses to start without the variables it needs, naming them.
 */
export function requireDistributed(config: ThemisConfig, needs: readonly ('DATABASE_URL' | 'KAFKA_BROKERS' | 'REDIS_URL')[], service: string): void {
  const missing = needs.filter(
    (variable) =>
      (variable === 'DATABASE_URL' && config.database.url === undefined) ||
      (variable === 'KAFKA_BROKERS' && config.bus.kafkaBrokers === undefined) ||
      (variable === 'REDIS_URL' && config.cache.redisUrl === undefined),
  );
  if (missing.length > 0) {
    throw new ConfigError(missing.map((variable) => `${variable}: ${service} runs on its own only with ${variable} set (use "npm start" for the embedded runtime)`));
  }
}
