/** The shape of a decider (see @tenure/event-sourcing), restated so this library depends on nothing. */
interface DeciderLike<C, E, S> {
  decide(command: C, state: S): readonly E[];
  evolve(state: S, event: E): S;
  initialState(): S;
}

/**
 * Given/when/then for deciders, with no I/O:
 *   deciderSpec(decider).given([...events]).when(command).then([...events])
 *   deciderSpec(decider).given([]).when(command).thenThrows({ code: 'illegal_state' })
 */
export function deciderSpec<C, E, S>(decider: DeciderLike<C, E, S>) {
  return {
    given(events: readonly E[]) {
      const state = events.reduce(decider.evolve, decider.initialState());
      return {
        when(command: C) {
          const decide = () => decider.decide(command, state);
          return {
            then(expected: readonly E[]) {
              expect(decide()).toEqual(expected);
            },
            thenThrows(expected: Record<string, unknown> | RegExp) {
              if (expected instanceof RegExp) expect(decide).toThrow(expected);
              else expect(decide).toThrow(expect.objectContaining(expected) as unknown as Error);
            },
          };
        },
      };
    },
  };
}
