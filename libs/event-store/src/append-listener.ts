import type pg from 'pg';
import type { Logger } from '@themis/telemetry';
import { APPEND_CHANNEL } from './pg-event-store.ts';

/**
 * Holds one connection that LISTENs for committed appends and calls `onAppend(streamId)`.
 * Reconnects with backoff when the connection drops; callers also poll, so a missed
 * notification only delays work, it never loses it.
 */
export class AppendListener {
  readonly #pool: pg.Pool;
  readonly #logger: Logger;
  readonly #handlers = new Set<(streamId: string) => void>();
  #client: pg.PoolClient | undefined;
  #closed = false;
  #retryTimer: NodeJS.Timeout | undefined;
  #failures = 0;

  constructor(pool: pg.Pool, logger: Logger) {
    this.#pool = pool;
    this.#logger = logger;
  }

  onAppend(handler: (streamId: string) => void): () => void {
    this.#handlers.add(handler);
    return () => this.#handlers.delete(handler);
  }

  async start(): Promise<void> {
    await this.#connect();
  }

  async #connect(): Promise<void> {
    if (this.#closed) return;
    try {
      const client = await this.#pool.connect();
      client.on('notification', (message) => {
        if (message.channel !== APPEND_CHANNEL) return;
        for (const handler of this.#handlers) handler(message.payload ?? '');
      });
      client.on('error', (error) => this.#lost(client, error));
      client.on('end', () => this.#lost(client, new Error('connection ended')));
      await client.query(`LISTEN ${APPEND_CHANNEL}`);
      this.#client = client;
      this.#failures = 0;
    } catch (error) {
      this.#scheduleReconnect(error);
    }
  }

  #lost(client: pg.PoolClient, error: Error): void {
    if (this.#client !== client) return;
    this.#client = undefined;
    client.release(error);
    if (!this.#closed) this.#scheduleReconnect(error);
  }

  #scheduleReconnect(error: unknown): void {
    if (this.#closed || this.#retryTimer !== undefined) return;
    this.#failures += 1;
    const delay = Math.min(100 * 2 ** this.#failures, 5_000);
    this.#logger.warn({ err: error, retryInMs: delay }, 'append listener lost its connection; reconnecting');
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined;
      void this.#connect();
    }, delay);
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#retryTimer !== undefined) clearTimeout(this.#retryTimer);
    const client = this.#client;
    this.#client = undefined;
    if (client !== undefined) {
      await client.query(`UNLISTEN ${APPEND_CHANNEL}`).catch(() => undefined);
      client.release();
    }
  }
}
