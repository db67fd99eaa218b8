import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';

export type { Logger } from 'pino';

/** Log categories shared with the dashboards of the system we replace. */
export type LogCategory =
  | 'themis'
  | 'themis.api'
  | 'themis.api.requests'
  | 'themis.api.audit'
  | 'themis.api.performance'
  | 'themis.orchestrator'
  | 'themis.agents'
  | 'themis.llm_client'
  | 'themis.event_store'
  | 'themis.messaging'
  | 'themis.projections';

const redactedPaths = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'headers.authorization',
  'headers["x-api-key"]',
  'apiKey',
  '*.apiKey',
  'password',
  '*.password',
  'connectionString',
  '*.connectionString',
];

export interface LoggerSettings {
  readonly level: LoggerOptions['level'];
  /** Where lines go; standard output when absent. `'stderr'` keeps standard output for a command's result. */
  readonly destination?: DestinationStream | 'stderr';
}

/** The process's root logger: JSON lines, ISO times, secrets redacted. Give lines a category with categoryLogger. */
export function createLogger(settings: LoggerSettings): Logger {
  const options: LoggerOptions = {
    level: settings.level ?? 'info',
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: redactedPaths, censor: '[redacted]' },
    formatters: { level: (label) => ({ level: label }) },
  };
  if (settings.destination === undefined) return pino(options);
  return pino(options, settings.destination === 'stderr' ? pino.destination({ fd: 2, sync: true }) : settings.destination);
}

export function categoryLogger(root: Logger, category: LogCategory): Logger {
  return root.child({ category });
}

/** A logger that writes nothing, for tests and library defaults. */
export const silentLogger: Logger = pino({ level: 'silent' });
