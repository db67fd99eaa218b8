import { unavailable } from '@themis/domain';

const connectionCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EAI_AGAIN',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

const connectionMessages = [/Connection terminated/i, /timeout exceeded when trying to connect/i, /connection error/i, /Client was closed/i];

/** True when the database could not be reached or dropped the connection: worth a retry later, not a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && connectionCodes.has(code)) return true;
  if (error instanceof AggregateError) return error.errors.some(isDatabaseUnavailable);
  return typeof message === 'string' && connectionMessages.some((pattern) => pattern.test(message));
}

/** Runs a database operation, turning connection failures into the `unavailable` domain error (HTTP 503). */
export async function guardDatabase<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw unavailable('database_unavailable', 'the event store is not reachable; try again shortly', error);
    throw error;
  }
}
