import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './config.ts';

const problemsOf = (env: Record<string, string>): readonly string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config.http).toEqual({ port: 8000, host: '127.0.0.1', maxPayloadBytes: 10 * 1024 * 1024 });
    expect(config.database).toEqual({ url: undefined, dataDir: '.themis' });
    expect(config.cache).toEqual({ ttlSeconds: 60, redisUrl: undefined });
    expect(config.bus).toEqual({ kafkaBrokers: undefined });
    expect(config.execution).toEqual({ waitMs: 60_000, stepTimeoutMs: 120_000, maxAttempts: 3, retryBaseDelayMs: 1_000 });
    expect(config.auth).toEqual({ apiKeys: [], productionMode: false });
    expect(config.log.level).toBe('info');
  });

  it('reads every variable it documents', () => {
    const config = loadConfig({
      PORT: '9100',
      HOST: '0.0.0.0',
      THEMIS_API_KEY: 'primary-key-1',
      THEMIS_API_KEYS: ' rotated-key-2 , primary-key-1,,',
      PRODUCTION_MODE: 'true',
      DATABASE_URL: 'postgres://u:p@db:5432/themis',
      THEMIS_DATA_DIR: '/var/lib/themis',
      CACHE_TTL_SECONDS: '5',
      MAX_PAYLOAD_SIZE_MB: '0.5',
      EXECUTE_WAIT_SECONDS: '0',
      STEP_TIMEOUT_SECONDS: '30',
      STEP_MAX_ATTEMPTS: '5',
      STEP_RETRY_BASE_DELAY_MS: '250',
      LOG_LEVEL: 'DEBUG',
      ANTHROPIC_API_KEY: 'sk-ant-x',
      KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092',
      REDIS_URL: 'redis://cache:6379/0',
    });
    expect(config.bus.kafkaBrokers).toEqual(['kafka-1:9092', 'kafka-2:9092']);
    expect(config.cache.redisUrl).toBe('redis://cache:6379/0');
    expect(config.http).toEqual({ port: 9100, host: '0.0.0.0', maxPayloadBytes: 524288 });
    expect(config.auth).toEqual({ apiKeys: ['primary-key-1', 'rotated-key-2'], productionMode: true });
    expect(config.database).toEqual({ url: 'postgres://u:p@db:5432/themis', dataDir: '/var/lib/themis' });
    expect(config.cache.ttlSeconds).toBe(5);
    expect(config.execution).toEqual({ waitMs: 0, stepTimeoutMs: 30_000, maxAttempts: 5, retryBaseDelayMs: 250 });
    expect(config.log.level).toBe('debug');
    expect(config.llm.anthropicApiKeySet).toBe(true);
  });

  it('names every invalid variable and the value it got', () => {
    const problems = problemsOf({ PORT: 'eighty', CACHE_TTL_SECONDS: '-1', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    expect(problems).toHaveLength(4);
    expect(problems.find((p) => p.startsWith('PORT:'))).toContain('got "eighty"');
    expect(problems.find((p) => p.startsWith('CACHE_TTL_SECONDS:'))).toContain('got "-1"');
    expect(problems.find((p) => p.startsWith('DATABASE_URL:'))).toContain('postgres://');
    expect(problems.find((p) => p.startsWith('LOG_LEVEL:'))).toBeDefined();
  });

  it('never echoes a rejected API key or a URL that may hold a password', () => {
    const problems = problemsOf({ THEMIS_API_KEY: 'short', DATABASE_URL: 'postgres//admin:S3cretPw@db/x' });
    expect(problems.find((p) => p.startsWith('THEMIS_API_KEY: '))).not.toContain('short"');
    const url = problems.find((p) => p.startsWith('DATABASE_URL: '));
    expect(url).toBeDefined();
    expect(url).not.toContain('S3cretPw');
  });

  it('refuses production mode without a key', () => {
    expect(problemsOf({ PRODUCTION_MODE: 'true' })[0]).toMatch(/^PRODUCTION_MODE: .*THEMIS_API_KEY/);
  });

  it('rejects a broker list or Redis URL it cannot use', () => {
    expect(problemsOf({ KAFKA_BROKERS: 'localhost' })[0]).toMatch(/^KAFKA_BROKERS: expected host:port/);
    expect(problemsOf({ REDIS_URL: 'http://cache' })[0]).toMatch(/^REDIS_URL: expected a redis:/);
  });

  it('returns a frozen object', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.http)).toBe(true);
  });
});
