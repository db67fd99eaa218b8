import { expect } from '@jest/globals';

export interface Decider<Command, Event, State> {
  readonly decide: (command: Command, state: State) => Event[];
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: () => State;
}

/**
 * Given/when/then for deciders: `given(past events).when(command)` then one of
 * `then(expected events)`, `thenThrows(predicate)` or `thenNothingHappened()`.
 */
export function deciderSpec<Command, Event, State>(decider: Decider<Command, Event, State>) {
  return {
    given(events: readonly Event[]) {
      const state = events.reduce(decider.evolve, decider.initialState());
      return {
        when(command: Command) {
          const run = () => decider.decide(command, state);
          return {
            then(expected: readonly Event[] | ((events: Event[]) => void)): void {
              const actual = run();
              if (typeof expected === 'function') expected(actual);
              else expect(actual).toEqual(expected);
            },
            thenThrows(matches: (error: unknown) => boolean): void {
              let thrown: unknown;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeDefined();
              expect(matches(thrown)).toBe(true);
            },
            thenNothingHappened(): void {
              expect(run()).toEqual([]);
            },
          };
        },
      };
    },
  };
}
