import { conflict } from '@themis/domain';
import type { AppendOptions, EventMetadata, EventStore, NewEvent, OutboxMessage, RecordedEvent } from './event-store.ts';

export interface StreamModel<State, Event> {
  readonly initialState: () => State;
  readonly evolve: (state: State, event: Event) => State;
  /** Turns a stored event back into a domain event (validating it). */
  readonly fromRecorded: (recorded: RecordedEvent) => Event;
  readonly toNewEvent: (event: Event) => NewEvent;
}

export interface HandleOptions<State> {
  readonly metadata: EventMetadata;
  readonly now: Date;
  /** Outbox messages for the new events, given the state after them. */
  readonly outbox?: (recorded: readonly RecordedEvent[], state: State) => readonly OutboxMessage[];
}

export interface HandleResult<State> {
  readonly state: State;
  /** Version of the stream after the command; unchanged when the command produced no events. */
  readonly version: number;
  readonly events: readonly RecordedEvent[];
}

const MAX_ATTEMPTS = 4;

/**
 * Load → decide → append with the expected version; on a concurrent append, load again and
 * re-decide (bounded, with a short backoff). `decide` must be pure: it may run more than once.
 */
export function createCommandHandler<State, Event>(store: EventStore, model: StreamModel<State, Event>) {
  async function load(streamId: string): Promise<{ state: State; version: number }> {
    const recorded = await store.readStream(streamId);
    let state = model.initialState();
    for (const event of recorded) state = model.evolve(state, model.fromRecorded(event));
    return { state, version: recorded.at(-1)?.streamVersion ?? 0 };
  }

  async function handle(streamId: string, decide: (state: State) => Event[], options: HandleOptions<State>): Promise<HandleResult<State>> {
    for (let attempt = 1; ; attempt += 1) {
      const { state, version } = await load(streamId);
      const events = decide(state);
      if (events.length === 0) return { state, version, events: [] };
      const newState = events.reduce(model.evolve, state);
      const appendOptions: AppendOptions = {
        expectedVersion: version,
        metadata: options.metadata,
        now: options.now,
        ...(options.outbox === undefined ? {} : { outbox: (recorded: readonly RecordedEvent[]) => options.outbox!(recorded, newState) }),
      };
      const result = await store.appendToStream(streamId, events.map(model.toNewEvent), appendOptions);
      if (result.ok) return { state: newState, version: result.nextExpectedVersion, events: result.events };
      if (attempt >= MAX_ATTEMPTS) {
        throw conflict('concurrent_update', `stream ${streamId} kept changing while the command ran; try again`, {
          expectedVersion: result.expectedVersion,
          actualVersion: result.actualVersion,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 10 * 1.5 ** attempt * (1 + Math.random())));
    }
  }

  return { load, handle };
}

export type CommandHandler<State, Event> = ReturnType<typeof createCommandHandler<State, Event>>;
