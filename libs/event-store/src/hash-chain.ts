import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';

/** The previous hash of a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The parts of an event the hash covers: everything but the positions the database assigns. */
export interface HashedContent {
  readonly eventId: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly data: unknown;
  readonly metadata: unknown;
}

export function eventHash(prevHash: string, content: HashedContent): string {
  const canonical = canonicalJson({
    eventId: content.eventId,
    streamId: content.streamId,
    streamVersion: content.streamVersion,
    type: content.type,
    schemaVersion: content.schemaVersion,
    occurredAt: content.occurredAt,
    data: content.data,
    metadata: content.metadata,
  });
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

export interface ChainBreak {
  readonly streamVersion: number;
  readonly reason: 'prev_hash_mismatch' | 'hash_mismatch' | 'version_gap';
}

/** Walks a stream's events in order and reports the first place the chain does not hold. */
export function verifyChain(events: readonly (HashedContent & { prevHash: string; hash: string })[]): ChainBreak | undefined {
  let expectedPrev = GENESIS_HASH;
  let expectedVersion = 1;
  for (const event of events) {
    if (event.streamVersion !== expectedVersion) return { streamVersion: event.streamVersion, reason: 'version_gap' };
    if (event.prevHash !== expectedPrev) return { streamVersion: event.streamVersion, reason: 'prev_hash_mismatch' };
    if (eventHash(event.prevHash, event) !== event.hash) return { streamVersion: event.streamVersion, reason: 'hash_mismatch' };
    expectedPrev = event.hash;
    expectedVersion += 1;
  }
  return undefined;
}
