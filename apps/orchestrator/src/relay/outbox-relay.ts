import type { AppendListener, PgOutbox } from '@themis/event-store';
import type { MessageBus } from '@themis/messaging';
import type { Logger } from '@themis/telemetry';

const BATCH = 200;
const POLL_MS = 1_000;
const PRUNE_EVERY_MS = 10 * 60_000;
const KEEP_SENT_MS = 24 * 60 * 60_000;

/**
 * Moves outbox rows to the bus in order. Woken by every committed append, and polls in case a
 * notification was missed or another relay held the lock. Rows are marked sent only after the
 * bus accepted them; after a crash they are sent again and consumers absorb the duplicates.
 */
export class OutboxRelay {
  readonly #outbox: PgOutbox;
  readonly #bus: MessageBus;
  readonly #logger: Logger;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = false;
  #started = false;
  #failures = 0;
  #timer: NodeJS.Timeout | undefined;
  #pruneTimer: NodeJS.Timeout | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor(outbox: PgOutbox, bus: MessageBus, logger: Logger) {
    this.#outbox = outbox;
    this.#bus = bus;
    this.#logger = logger;
  }

  start(listener: AppendListener): void {
    this.#started = true;
    this.#unsubscribe = listener.onAppend(() => this.wake());
    this.#timer = setInterval(() => this.wake(), POLL_MS);
    this.#pruneTimer = setInterval(() => {
      this.#outbox.pruneSent(KEEP_SENT_MS).catch((error: unknown) => this.#logger.warn({ err: error }, 'could not prune the outbox'));
    }, PRUNE_EVERY_MS);
    this.wake();
  }

  /** Relays now (or right after the current run); nothing before start. */
  wake(): void {
    if (this.#stopped || !this.#started) return;
    if (this.#running !== undefined) {
      this.#again = true;
      return;
    }
    this.#running = this.#drain().finally(() => {
      this.#running = undefined;
      if (this.#again) {
        this.#again = false;
        this.wake();
      }
    });
  }

  async #drain(): Promise<void> {
    while (!this.#stopped) {
      let result;
      try {
        result = await this.#outbox.relayBatch(BATCH, (row) =>
          this.#bus.publish([{ topic: row.topic, key: row.key, headers: row.headers, payload: row.payload }]),
        );
      } catch (error) {
        this.#failures += 1;
        this.#logger.warn({ err: error, failures: this.#failures }, 'outbox relay could not read the outbox');
        return; // the poll tries again
      }
      if (!result.claimed) return; // another relay is active
      if (result.failed !== undefined) {
        this.#failures += 1;
        this.#logger.warn({ outboxId: result.failed.id, error: result.failed.error, failures: this.#failures }, 'could not publish an outbox message; will retry');
        return;
      }
      this.#failures = 0;
      if (result.published < BATCH) return;
    }
  }

  /** Stops relaying after the batch in flight. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#unsubscribe?.();
    if (this.#timer !== undefined) clearInterval(this.#timer);
    if (this.#pruneTimer !== undefined) clearInterval(this.#pruneTimer);
    await this.#running;
  }
}
