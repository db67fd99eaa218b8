import { type Environment, environmentSchema } from './config.schema.ts';

export type LogLevel = Environment['LOG_LEVEL'];

export interface ThemisConfig {
  readonly http: { readonly port: number; readonly host: string; readonly maxPayloadBytes: number };
  readonly auth: { readonly apiKeys: readonly string[]; readonly productionMode: boolean };
  /** `url` absent means: start the embedded PostgreSQL 18 in `dataDir`. */
  readonly database: { readonly url: string | undefined; readonly dataDir: string };
  /** `redisUrl` absent means the in-memory cache. */
  readonly cache: { readonly ttlSeconds: number; readonly redisUrl: string | undefined };
  /** `kafkaBrokers` absent means the in-process bus. */
  readonly bus: { readonly kafkaBrokers: readonly string[] | undefined };
  readonly execution: {
    readonly waitMs: number;
    readonly stepTimeoutMs: number;
    readonly maxAttempts: number;
    readonly retryBaseDelayMs: number;
  };
  readonly log: { readonly level: LogLevel };
  readonly llm: { readonly anthropicApiKeySet: boolean };
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.problems = problems;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** Reads and validates the environment once. Throws ConfigError naming every bad variable. */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): ThemisConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const variable = String(issue.path[0] ?? '(environment)');
        const given = env[variable];
        // Keys and URLs (which may hold a password) are never echoed.
        const secret = /KEY|URL|PASSWORD|SECRET|TOKEN/.test(variable);
        const shown = secret || given === undefined ? '' : ` (got "${given}")`;
        return `${variable}: ${issue.message}${shown}`;
      }),
    );
  }
  const e = parsed.data;
  const apiKeys = [...new Set([...(e.THEMIS_API_KEY === undefined ? [] : [e.THEMIS_API_KEY]), ...(e.THEMIS_API_KEYS ?? [])])];
  if (e.PRODUCTION_MODE && apiKeys.length === 0) {
    throw new ConfigError(['PRODUCTION_MODE: true requires THEMIS_API_KEY or THEMIS_API_KEYS; refusing to serve an open API']);
  }
  return deepFreeze({
    http: { port: e.PORT, host: e.HOST, maxPayloadBytes: Math.floor(e.MAX_PAYLOAD_SIZE_MB * 1024 * 1024) },
    auth: { apiKeys, productionMode: e.PRODUCTION_MODE },
    database: { url: e.DATABASE_URL, dataDir: e.THEMIS_DATA_DIR },
    cache: { ttlSeconds: e.CACHE_TTL_SECONDS, redisUrl: e.REDIS_URL },
    bus: { kafkaBrokers: e.KAFKA_BROKERS },
    execution: {
      waitMs: e.EXECUTE_WAIT_SECONDS * 1000,
      stepTimeoutMs: e.STEP_TIMEOUT_SECONDS * 1000,
      maxAttempts: e.STEP_MAX_ATTEMPTS,
      retryBaseDelayMs: e.STEP_RETRY_BASE_DELAY_MS,
    },
    log: { level: e.LOG_LEVEL },
    llm: { anthropicApiKeySet: e.ANTHROPIC_API_KEY !== undefined },
  });
}
