import { deciderSpec } from './decider-spec';

const toggle = {
  initialState: () => false,
  decide: (command: 'flip' | 'break', on: boolean) => {
    if (command === 'break') throw Object.assign(new Error('broken'), { code: 'illegal_state' });
    return [{ type: on ? 'SwitchedOff' : 'SwitchedOn' }];
  },
  evolve: (_: boolean, event: { type: string }) => event.type === 'SwitchedOn',
};

describe('deciderSpec', () => {
  it('folds the given events before deciding', () => {
    deciderSpec(toggle)
      .given([{ type: 'SwitchedOn' }])
      .when('flip')
      .then([{ type: 'SwitchedOff' }]);
  });

  it('checks thrown errors by their fields', () => {
    deciderSpec(toggle).given([]).when('break').thenThrows({ code: 'illegal_state' });
  });

  it('fails when the decision differs', () => {
    expect(() =>
      deciderSpec(toggle)
        .given([])
        .when('flip')
        .then([{ type: 'SwitchedOff' }]),
    ).toThrow();
  });
});
