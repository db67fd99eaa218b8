import { z } from 'zod';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const integer = (min: number, max: number, fallback: number) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d+$/, `expected a whole number between ${min} and ${max}`)
      .transform(Number)
      .pipe(z.number().int().min(min, `expected at least ${min}`).max(max, `expected at most ${max}`))
      .default(fallback),
  );

const positiveNumber = (max: number, fallback: number) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d+(\.\d+)?$/, `expected a positive number up to ${max}`)
      .transform(Number)
      .pipe(z.number().positive('expected a positive number').max(max, `expected at most ${max}`))
      .default(fallback),
  );

const boolean = (fallback: boolean) =>
  z.preprocess(
    blankToUndefined,
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
      .transform((value) => value === 'true' || value === '1' || value === 'yes')
      .default(fallback),
  );

const apiKey = z
  .string()
  .regex(/^[\x21-\x7e]+$/, 'an API key is printable ASCII with no spaces')
  .min(8, 'an API key needs at least 8 characters');

const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\//.test(value) && URL.canParse(value), 'expected a postgres:// or postgresql:// URL');

const brokerList = z
  .string()
  .transform((value) => value.split(',').map((broker) => broker.trim()).filter((broker) => broker !== ''))
  .pipe(z.array(z.string().regex(/^[A-Za-z0-9.\-[\]:]+:\d{1,5}$/, 'expected host:port')).min(1, 'expected at least one host:port'));

const redisUrl = z.string().refine((value) => /^rediss?:\/\//.test(value) && URL.canParse(value), 'expected a redis:// or rediss:// URL');

/** Every variable Themis reads. Names are the environment's; docs/configuration.md lists the same set. */
export const environmentSchema = z.object({
  PORT: integer(0, 65535, 8000),
  HOST: z.preprocess(blankToUndefined, z.string().default('127.0.0.1')),
  THEMIS_API_KEY: z.preprocess(blankToUndefined, apiKey.optional()),
  THEMIS_API_KEYS: z.preprocess(
    blankToUndefined,
    z
      .string()
      .transform((value) => value.split(',').map((key) => key.trim()).filter((key) => key !== ''))
      .pipe(z.array(apiKey))
      .optional(),
  ),
  PRODUCTION_MODE: boolean(false),
  DATABASE_URL: z.preprocess(blankToUndefined, postgresUrl.optional()),
  THEMIS_DATA_DIR: z.preprocess(blankToUndefined, z.string().default('.themis')),
  CACHE_TTL_SECONDS: integer(0, 86_400, 60),
  MAX_PAYLOAD_SIZE_MB: positiveNumber(100, 10),
  EXECUTE_WAIT_SECONDS: integer(0, 3_600, 60),
  STEP_TIMEOUT_SECONDS: integer(1, 3_600, 120),
  STEP_MAX_ATTEMPTS: integer(1, 10, 3),
  STEP_RETRY_BASE_DELAY_MS: integer(0, 60_000, 1_000),
  LOG_LEVEL: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toLowerCase() || undefined : value),
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  KAFKA_BROKERS: z.preprocess(blankToUndefined, brokerList.optional()),
  REDIS_URL: z.preprocess(blankToUndefined, redisUrl.optional()),
  ANTHROPIC_API_KEY: z.preprocess(blankToUndefined, z.string().optional()),
});

export type Environment = z.infer<typeof environmentSchema>;
