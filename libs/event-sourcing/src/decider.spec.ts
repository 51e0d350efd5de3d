import { fold, type Decider } from './decider';

type Added = { type: 'Added'; data: { amount: number } };
const counter: Decider<{ add: number }, Added, number> = {
  initialState: () => 0,
  decide: (command) => (command.add === 0 ? [] : [{ type: 'Added', data: { amount: command.add } }]),
  evolve: (total, event) => total + event.data.amount,
};

describe('fold', () => {
  it('given no events, then the initial state', () => {
    expect(fold(counter, [])).toBe(0);
  });

  it('given events, then evolves them in order', () => {
    expect(fold(counter, [...counter.decide({ add: 2 }, 0), ...counter.decide({ add: 3 }, 2)])).toBe(5);
  });
});
