import fc from 'fast-check';
import { firstRepeatedId, planAppend, type StoredOccurrence } from './idempotency';

const at = (esdbId: string, revision: bigint): StoredOccurrence => ({
  esdbId,
  revision,
  position: { commit: revision * 10n, prepare: revision * 10n },
});

describe('deciding an append by the event ids already in the stream', () => {
  it('writes when none of the ids is there', () => {
    expect(planAppend(['a', 'b'], [])).toEqual({ kind: 'write' });
  });

  it('answers with the original result when the same batch sits at consecutive revisions', () => {
    expect(planAppend(['a', 'b', 'c'], [at('a', 4n), at('b', 5n), at('c', 6n)])).toEqual({
      kind: 'already_appended',
      lastRevision: 6n,
      position: { commit: 60n, prepare: 60n },
    });
  });

  it('refuses a batch whose ids were used in another order, with a gap, partly, or more than once', () => {
    expect(planAppend(['a', 'b'], [at('b', 0n), at('a', 1n)])).toEqual({ kind: 'violation', index: 0 });
    expect(planAppend(['a', 'b'], [at('a', 0n), at('b', 2n)])).toEqual({ kind: 'violation', index: 0 });
    expect(planAppend(['x', 'b'], [at('b', 3n)])).toEqual({ kind: 'violation', index: 1 });
    expect(planAppend(['a'], [at('a', 0n), at('a', 1n)])).toEqual({ kind: 'violation', index: 0 });
  });

  it('property: a batch found exactly in place is always recognised, whatever order the scan met it in', () => {
    const batchInStreamOrder = fc
      .uniqueArray(fc.uuid(), { minLength: 1, maxLength: 20 })
      .chain((ids) => fc.tuple(fc.constant(ids), fc.shuffledSubarray([...ids.keys()], { minLength: ids.length })));
    fc.assert(
      fc.property(batchInStreamOrder, fc.bigInt({ min: 0n, max: 2n ** 40n }), ([ids, scanOrder], start) => {
        const occurrences = scanOrder.map((i) => at(ids[i]!, start + BigInt(i)));
        expect(planAppend(ids, occurrences)).toMatchObject({ kind: 'already_appended', lastRevision: start + BigInt(ids.length - 1) });
      }),
    );
  });

  it('finds an id repeated inside one batch', () => {
    expect(firstRepeatedId(['a', 'b', 'c'])).toBe(-1);
    expect(firstRepeatedId(['a', 'b', 'a'])).toBe(2);
  });
});
