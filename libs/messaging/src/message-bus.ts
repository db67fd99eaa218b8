/** A message as published: Kafka's shape (topic, key, headers, value). The key orders a plan's messages. */
export interface BusMessage {
  readonly topic: string;
  readonly key: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly payload: unknown;
}

export interface DeliveredMessage extends BusMessage {
  readonly partition: number;
  readonly offset: number;
  /** 1 on first delivery; higher when the handler failed before and the message is redelivered. */
  readonly deliveryAttempt: number;
}

export type MessageHandler = (message: DeliveredMessage) => Promise<void>;

export interface SubscribeOptions {
  /** Consumers in one group share the work; every group sees every message. */
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly handler: MessageHandler;
  /** Deliveries before a failing message goes to the dead-letter topic (default 5). */
  readonly maxDeliveryAttempts?: number;
  /** First redelivery delay; doubles each time (default 100 ms)… */
  readonly retryBaseDelayMs?: number;
  /** …up to this ceiling (default 30 s). */
  readonly retryMaxDelayMs?: number;
}

export interface Subscription {
  /** Stops taking messages and waits for the ones being handled. */
  stop(): Promise<void>;
}

/**
 * At-least-once delivery: a message counts as consumed only after its handler resolves, so a
 * handler may see a message twice and must be idempotent. Messages with the same key are
 * delivered in publish order, one at a time, per group. A handler that keeps failing has its
 * message moved to the dead-letter topic with the error attached.
 */
export interface MessageBus {
  /** Resolves once the bus has accepted every message; delivery happens afterwards. */
  publish(messages: readonly BusMessage[]): Promise<void>;
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  close(): Promise<void>;
}

/** Thrown by a handler for a message that will never succeed (e.g. it does not parse): dead-letter it at once. */
export class NonRetryableMessageError extends Error {
  override readonly name = 'NonRetryableMessageError';
}

export const isNonRetryable = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'NonRetryableMessageError';
