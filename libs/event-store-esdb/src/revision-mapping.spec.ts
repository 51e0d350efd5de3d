import { NO_STREAM, START } from '@eventstore/db-client';
import { conflictsWith, describeExpected, headFromCurrentRevision, pinnedExpectedRevision, readPositionFor } from './revision-mapping';

describe('expected revision mapping', () => {
  it.each([
    ['any', 'no_stream', false],
    ['any', 7n, false],
    ['no_stream', 'no_stream', false],
    ['no_stream', 0n, true],
    [0n, 'no_stream', true],
    [0n, 0n, false],
    [1n, 0n, true],
    [0n, 1n, true],
    [-1n, 'no_stream', false], // -1 is how an append result names an empty stream
    [-1n, 0n, true],
  ] as const)('expected %p against a stream at %p: conflict = %p', (expected, head, conflict) => {
    expect(conflictsWith(expected, head)).toBe(conflict);
  });

  it('pins the write to the observed head in the client’s vocabulary', () => {
    expect(pinnedExpectedRevision('no_stream')).toBe(NO_STREAM);
    expect(pinnedExpectedRevision(4n)).toBe(4n);
  });

  it('names expectations the way the PostgreSQL store does', () => {
    expect(describeExpected('any')).toBe('any');
    expect(describeExpected('no_stream')).toBe('no stream');
    expect(describeExpected(3n)).toBe('revision 3');
  });

  it('reads the current revision of a wrong-expected-version error as a stream head', () => {
    expect(headFromCurrentRevision('no_stream')).toBe('no_stream');
    expect(headFromCurrentRevision(5n)).toBe(5n);
  });
});

describe('position mapping', () => {
  it('reads $all from its start for no position and for the port’s START', () => {
    expect(readPositionFor(undefined)).toBe(START);
    expect(readPositionFor({ commit: 0n, prepare: 0n })).toBe(START);
  });

  it('passes any other position through unchanged, beyond the range of a JS number', () => {
    const big = { commit: 2n ** 63n - 1n, prepare: 2n ** 62n + 7n };
    expect(readPositionFor(big)).toEqual(big);
  });
});
