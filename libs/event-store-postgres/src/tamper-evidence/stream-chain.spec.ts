import { createHash } from 'node:crypto';
import type { ChainRow } from './chain-query';
import { foldHeads, GENESIS_HASH_HEX } from './checkpoint-root';
import { findTampering, isIntactChain } from './stream-chain';

/** A chain of n events whose hashes are made up but linked, as tenure_append would link them. */
function chain(n: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let previous = Buffer.alloc(32);
  for (let i = 0; i < n; i++) {
    const hash = createHash('sha256').update(previous).update(`event-${i}`).digest();
    rows.push({
      streamId: 's',
      revision: BigInt(i),
      eventId: `e${i}`,
      commit: '1',
      prepare: String(i + 1),
      previousHash: previous,
      hash,
      contentOk: true,
    });
    previous = hash;
  }
  return rows;
}

describe('findTampering', () => {
  it('given a linked chain, when checked, then it is intact and has no findings', () => {
    expect(isIntactChain(chain(4))).toBe(true);
    expect(findTampering(chain(4))).toEqual([]);
  });

  it('given revision 0 missing, when checked, then revision 0 is reported REMOVED', () => {
    const found = findTampering(chain(3).slice(1));

    expect(found.map((f) => [f.kind, f.revision, f.eventId])).toEqual([['REMOVED', '0', null]]);
  });

  it('given two consecutive events missing, when checked, then both revisions are reported REMOVED', () => {
    const rows = chain(5);
    const found = findTampering([rows[0]!, rows[3]!, rows[4]!]);

    expect(found.map((f) => [f.kind, f.revision])).toEqual([
      ['REMOVED', '1'],
      ['REMOVED', '2'],
    ]);
  });

  it('given an event without hashes, when checked, then it is reported INSERTED', () => {
    const rows = chain(2);
    const forged: ChainRow = { ...rows[1]!, revision: 2n, eventId: 'forged', previousHash: null, hash: null, contentOk: false };

    expect(findTampering([...rows, forged]).map((f) => [f.kind, f.eventId])).toEqual([['INSERTED', 'forged']]);
  });
});

describe('foldHeads', () => {
  it('given the same heads, when folded after different previous roots or in another order, then the roots differ', () => {
    const heads = [
      { streamId: 'a', revision: '1', hash: 'aa'.repeat(32) },
      { streamId: 'b', revision: '0', hash: 'bb'.repeat(32) },
    ];
    const root = foldHeads(GENESIS_HASH_HEX, heads);

    expect(root).toMatch(/^[0-9a-f]{64}$/);
    expect(foldHeads(GENESIS_HASH_HEX, heads)).toBe(root);
    expect(foldHeads('11'.repeat(32), heads)).not.toBe(root);
    expect(foldHeads(GENESIS_HASH_HEX, [...heads].reverse())).not.toBe(root);
  });
});
