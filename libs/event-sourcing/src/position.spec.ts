import { comparePositions, positionFromString, positionToString, START } from './position';

describe('positions', () => {
  it('order by commit first, then prepare', () => {
    expect(comparePositions({ commit: 1n, prepare: 9n }, { commit: 2n, prepare: 1n })).toBe(-1);
    expect(comparePositions({ commit: 2n, prepare: 3n }, { commit: 2n, prepare: 1n })).toBe(1);
    expect(comparePositions(START, { commit: 0n, prepare: 0n })).toBe(0);
  });

  it('round-trip through text and refuse anything else', () => {
    expect(positionFromString(positionToString({ commit: 12n, prepare: 7n }))).toEqual({ commit: 12n, prepare: 7n });
    expect(() => positionFromString('12')).toThrow('"12" is not a log position');
  });
});
