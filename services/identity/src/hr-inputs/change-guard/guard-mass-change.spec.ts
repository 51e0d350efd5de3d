import { guardMassChange } from './guard-mass-change';

const changes = (leavers: number, movers = 0) => ({ leavers: Array.from({ length: leavers }), movers: Array.from({ length: movers }) });

describe('the mass-change guard', () => {
  it('given a tiny company losing one of ten people, when guarded, then it applies (the share rule needs 3 people)', () => {
    const decision = guardMassChange(changes(1), 10);

    expect(decision.decision).toBe('apply');
    expect(decision.reasons).toEqual([]);
    expect(decision.measures).toEqual([
      { kind: 'terminations', count: 1, share: 0.1, exceeds: [] },
      { kind: 'moves', count: 0, share: 0, exceeds: [] },
    ]);
  });

  it('given 3 leavers out of 40 people, when guarded, then it holds on the share with the numbers', () => {
    const decision = guardMassChange(changes(3), 40);

    expect(decision.decision).toBe('hold');
    expect(decision.reasons).toEqual([
      '3 terminations out of 40 identities (7.5%): more than the limit of 5.0% of the population (applies from 3 people)',
    ]);
  });

  it('given 26 moves in a company of 10,000, when guarded, then it holds on the count', () => {
    const decision = guardMassChange(changes(0, 26), 10_000);

    expect(decision.decision).toBe('hold');
    expect(decision.reasons).toEqual(['26 moves out of 10000 identities (0.3%): more than the limit of 25 people']);
  });

  it('given exactly the limits, when guarded, then it applies: only more than the limits holds', () => {
    expect(guardMassChange(changes(25, 25), 10_000).decision).toBe('apply');
    expect(guardMassChange(changes(5, 5), 100).decision).toBe('apply');
  });

  it('given a first import into an empty population, when guarded, then hires alone never hold', () => {
    expect(guardMassChange(changes(0), 0).decision).toBe('apply');
  });

  it('given a stricter policy, when guarded, then its limits apply', () => {
    const decision = guardMassChange(changes(2), 1000, { maxShare: 0.5, maxCount: 1, minCountForShare: 1 });

    expect(decision.reasons).toEqual(['2 terminations out of 1000 identities (0.2%): more than the limit of 1 people']);
  });
});
