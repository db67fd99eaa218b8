import type pg from 'pg';
import type { Logger } from '@themis/telemetry';
import { APPEND_CHANNEL } from './pg-event-store.ts';

export type AppendHandler = (streamId: string, version: number) => void;

/**
 * Holds one connection that LISTENs for committed appends and calls `onAppend(streamId, version)`.
 * Reconnects with backoff when the connection drops; callers also poll, so a missed
 * notification only delays work, it never loses it.
 */
export class AppendListener {
  readonly #pool: pg.Pool;
  readonly #logger: Logger;
  readonly #handlers = new Set<AppendHandler>();
  #client: pg.PoolClient | undefined;
  #closed = false;
  #retryTimer: NodeJS.Timeout | undefined;
  #failures = 0;

  constructor(pool: pg.Pool, logger: Logger) {
    this.#pool = pool;
    this.#logger = logger;
  }

  onAppend(handler: AppendHandler): () => void {
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
      if (this.#closed) {
        client.release();
        return;
      }
      client.on('notification', this.#onNotification);
      client.on('error', this.#onError);
      client.on('end', this.#onEnd);
      this.#client = client;
      await client.query(`LISTEN ${APPEND_CHANNEL}`);
      this.#failures = 0;
    } catch (error) {
      this.#detach(error instanceof Error ? error : new Error(String(error)));
      this.#scheduleReconnect(error);
    }
  }

  readonly #onNotification = (message: pg.Notification): void => {
    if (message.channel !== APPEND_CHANNEL) return;
    const [streamId = '', version = '0'] = (message.payload ?? '').split(' ');
    for (const handler of this.#handlers) handler(streamId, Number(version));
  };
  readonly #onError = (error: Error): void => this.#lost(error);
  readonly #onEnd = (): void => this.#lost(new Error('connection ended'));

  /** Gives the connection back to the pool without our listeners (the pool reuses it). */
  #detach(error?: Error): void {
    const client = this.#client;
    if (client === undefined) return;
    this.#client = undefined;
    client.off('notification', this.#onNotification);
    client.off('error', this.#onError);
    client.off('end', this.#onEnd);
    client.release(error);
  }

  #lost(error: Error): void {
    this.#detach(error);
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
    await this.#client?.query(`UNLISTEN ${APPEND_CHANNEL}`).catch(() => undefined);
    this.#detach();
  }
}
