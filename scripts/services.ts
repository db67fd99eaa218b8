// `npm run services:up|down|status`: the local services the integration tests and the distributed
// runtime use when no Docker engine is reachable — PostgreSQL 15 and Redis from Debian's packages,
// Apache Kafka from its jars on Maven Central (one KRaft node) — on data directories of this
// checkout's own under the system temp directory. Idempotent: `up` on running services only checks them.
import {
  servicesDir,
  startLocalKafka,
  startLocalPostgres15,
  startLocalRedis,
  stopLocalKafka,
  stopLocalPostgres15,
  stopLocalRedis,
} from '@themis/testing';

export interface LocalServices {
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly kafkaBrokers: string;
}

export async function servicesUp(): Promise<LocalServices> {
  const pg = await startLocalPostgres15();
  const redis = await startLocalRedis();
  const kafka = await startLocalKafka();
  return { databaseUrl: pg.url, redisUrl: redis.url, kafkaBrokers: kafka.brokers };
}

async function main(command: string): Promise<number> {
  switch (command) {
    case 'up': {
      const services = await servicesUp();
      process.stdout.write(
        `Services are up (data in ${servicesDir()}):\n` +
          `  export DATABASE_URL='${services.databaseUrl}'\n  export REDIS_URL='${services.redisUrl}'\n  export KAFKA_BROKERS='${services.kafkaBrokers}'\n`,
      );
      return 0;
    }
    case 'down': {
      const stopped = [(await stopLocalKafka()) && 'Kafka', (await stopLocalRedis()) && 'Redis', (await stopLocalPostgres15()) && 'PostgreSQL'].filter(Boolean);
      process.stdout.write(stopped.length === 0 ? 'Nothing was running.\n' : `Stopped ${stopped.join(', ')}.\n`);
      return 0;
    }
    case 'status':
      process.stdout.write(`Service data lives in ${servicesDir()}; "up" starts what is not running.\n`);
      return 0;
    default:
      process.stderr.write('usage: node scripts/services.ts up|down|status\n');
      return 2;
  }
}

if (process.argv[1]?.endsWith('services.ts')) process.exitCode = await main(process.argv[2] ?? 'status');
