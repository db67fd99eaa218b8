/** Who and what caused an append; stored with every event. */
export interface EventMetadata {
  /** Key id of the caller (never the key), or `system:<component>`. */
  readonly actor: string;
  /** The request id that started the chain of work. */
  readonly correlationId: string;
  /** The message or request that directly caused these events. */
  readonly causationId: string | null;
  /** W3C trace context of the caller, when there is one. */
  readonly traceparent: string | null;
}

export interface NewEvent {
  readonly type: string;
  readonly data: unknown;
  readonly schemaVersion: number;
}

export interface RecordedEvent {
  readonly eventId: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly globalPosition: number;
  readonly transactionId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly prevHash: string;
  readonly hash: string;
}

export interface OutboxMessage {
  readonly topic: string;
  readonly key: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly payload: unknown;
}

/** `0` means the stream must not exist yet; `'any'` skips the check. */
export type ExpectedVersion = number | 'any';

export interface AppendOptions {
  readonly expectedVersion: ExpectedVersion;
  readonly metadata: EventMetadata;
  readonly now: Date;
  /** Messages to publish, built from the recorded events and written in the same transaction. */
  readonly outbox?: (recorded: readonly RecordedEvent[]) => readonly OutboxMessage[];
}

export type AppendResult =
  | { readonly ok: true; readonly nextExpectedVersion: number; readonly events: readonly RecordedEvent[] }
  | { readonly ok: false; readonly expectedVersion: ExpectedVersion; readonly actualVersion: number };

/** A place in the global log: events are ordered by (transaction, position). */
export interface GlobalCheckpoint {
  readonly transactionId: string;
  readonly globalPosition: number;
}

export const START_OF_LOG: GlobalCheckpoint = Object.freeze({ transactionId: '0', globalPosition: 0 });

export interface ReadAllResult {
  readonly events: readonly RecordedEvent[];
  /** Where the next read continues; unchanged when nothing new was visible. */
  readonly checkpoint: GlobalCheckpoint;
}

export interface EventStore {
  appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult>;
  readStream(streamId: string, options?: { readonly toVersion?: number }): Promise<readonly RecordedEvent[]>;
  /** Events after `after`, never skipping a transaction that is still in flight. */
  readAll(after: GlobalCheckpoint, limit: number): Promise<ReadAllResult>;
}
