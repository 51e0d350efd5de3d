import { parseArgs, UsageError, usage } from './parse-args';

const known = ['store', 'projection'];

describe('parseArgs', () => {
  it('reads the scenario and the --quick flag in any order', () => {
    expect(parseArgs(['store'], known)).toEqual({ scenario: 'store', quick: false });
    expect(parseArgs(['store', '--quick'], known)).toEqual({ scenario: 'store', quick: true });
    expect(parseArgs(['--quick', 'projection'], known)).toEqual({ scenario: 'projection', quick: true });
  });

  it('names the known scenarios when the scenario is unknown or missing', () => {
    expect(() => parseArgs(['stroe'], known)).toThrow('unknown scenario "stroe"; choose one of: store, projection');
    expect(() => parseArgs([], known)).toThrow('no scenario given; choose one of: store, projection');
  });

  it('refuses unknown options and more than one scenario', () => {
    expect(() => parseArgs(['store', '--fast'], known)).toThrow(UsageError);
    expect(() => parseArgs(['store', 'projection'], known)).toThrow('one scenario per run, got store, projection');
  });
});

describe('usage', () => {
  it('lists every scenario with its description', () => {
    const text = usage([
      { name: 'store', description: 'the event store' },
      { name: 'projection', description: 'projections' },
    ]);
    expect(text).toContain('  store       the event store');
    expect(text).toContain('  projection  projections');
  });
});
