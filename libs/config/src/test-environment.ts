/** Variables the test harness sets for its own workers; never read by the product. */
export interface TestEnvironment {
  /** Connection URL of the PostgreSQL 15 server the tests provisioned (Debian package or testcontainers). */
  readonly pg15Url: string | undefined;
  /** Connection URL of the embedded PostgreSQL 18 server the tests started. */
  readonly pg18Url: string | undefined;
  readonly redisUrl: string | undefined;
  /** host:port of the Kafka broker the tests use. */
  readonly kafkaBrokers: string | undefined;
}

export function loadTestEnvironment(env: Readonly<Record<string, string | undefined>> = process.env): TestEnvironment {
  return {
    pg15Url: env['THEMIS_TEST_PG15_URL'],
    pg18Url: env['THEMIS_TEST_PG18_URL'],
    redisUrl: env['THEMIS_TEST_REDIS_URL'],
    kafkaBrokers: env['THEMIS_TEST_KAFKA_BROKERS'],
  };
}

/** Hands a value to test workers: jest global setup runs in the parent, workers inherit its environment. */
export function exportTestEnvironment(values: Partial<TestEnvironment>): void {
  const names: Record<keyof TestEnvironment, string> = {
    pg15Url: 'THEMIS_TEST_PG15_URL',
    pg18Url: 'THEMIS_TEST_PG18_URL',
    redisUrl: 'THEMIS_TEST_REDIS_URL',
    kafkaBrokers: 'THEMIS_TEST_KAFKA_BROKERS',
  };
  for (const [key, value] of Object.entries(values)) if (value !== undefined) process.env[names[key as keyof TestEnvironment]] = value;
}
