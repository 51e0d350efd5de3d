import type { ChainRow } from './chain-query';
import type { TamperFinding, TamperKind } from './report';

const GENESIS: Buffer = Buffer.alloc(32);

/** True when the stream is intact: revisions 0..n-1, each linked to its predecessor's hash, each content hashing to its hash. */
export function isIntactChain(rows: readonly ChainRow[]): boolean {
  let previous: Buffer = GENESIS;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.revision !== BigInt(i) || !row.contentOk || !row.previousHash || !row.hash || !row.previousHash.equals(previous)) return false;
    previous = row.hash;
  }
  return true;
}

/**
 * Names what is wrong with one stream (rows in stored revision order). The stored links tell the
 * order the events were appended in: walking them from the genesis hash gives each event its true
 * place, which is then compared with its stored revision.
 *
 * - MODIFIED: in its place in the chain, but its content no longer hashes to its stored hash.
 * - REORDERED: the links place it at another revision than the one stored.
 * - REMOVED: a revision is missing, and the next event links to a hash no event has any more.
 * - INSERTED: no hash, a link to nothing in the stream with content that does not hash either, or a
 *   second event claiming a place in the chain another event already holds.
 */
export function findTampering(rows: readonly ChainRow[]): TamperFinding[] {
  if (isIntactChain(rows)) return [];
  const chainPlace = placeByLinks(rows);
  const findings: TamperFinding[] = [];
  let expected = 0n;
  for (const row of rows) {
    const place = chainPlace.get(row);
    if (!row.hash || !row.previousHash) {
      findings.push(finding('INSERTED', row, 'has no hash: it was not written by tenure_append'));
    } else if (place === 'fork') {
      findings.push(finding('INSERTED', row, `links to ${hex(row.previousHash)}, a place in the chain another event already holds`));
    } else if (place === 'unlinked') {
      if (row.revision > expected && row.contentOk) {
        for (let missing = expected; missing < row.revision; missing++) findings.push(removed(row, missing));
      } else if (!row.contentOk) {
        findings.push(
          finding(
            'INSERTED',
            row,
            `links to ${hex(row.previousHash)}, which is no event of this stream, and its content does not hash to its hash`,
          ),
        );
      } else {
        findings.push(finding('INSERTED', row, `links to ${hex(row.previousHash)}, which is no event of this stream`));
      }
    } else if (place !== row.revision) {
      findings.push(finding('REORDERED', row, `stored at revision ${row.revision}, but its hash chain places it at revision ${place}`));
    } else if (!row.contentOk) {
      findings.push(finding('MODIFIED', row, `its content no longer hashes to its stored hash ${hex(row.hash)}`));
    }
    if (row.revision >= expected) expected = row.revision + 1n;
  }
  return findings;
}

type Place = bigint | 'fork' | 'unlinked';

function placeByLinks(rows: readonly ChainRow[]): Map<ChainRow, Place> {
  const successors = new Map<string, ChainRow[]>();
  for (const row of rows) {
    if (!row.previousHash || !row.hash) continue;
    const key = hex(row.previousHash);
    successors.set(key, [...(successors.get(key) ?? []), row]);
  }
  const places = new Map<ChainRow, Place>();
  const follow = (from: Buffer, place: bigint): void => {
    let current = from;
    for (let next = place; ; next++) {
      const candidates = (successors.get(hex(current)) ?? []).filter((row) => !places.has(row));
      if (candidates.length === 0) return;
      // Of two events claiming one place, the one whose content still hashes (and is stored there) is the original.
      const rank = (row: ChainRow): number => (row.contentOk ? 2 : 0) + (row.revision === next ? 1 : 0);
      const chosen = candidates.reduce((best, row) => (rank(row) > rank(best) ? row : best));
      for (const other of candidates) if (other !== chosen) places.set(other, 'fork');
      places.set(chosen, next);
      current = chosen.hash!;
    }
  };
  follow(GENESIS, 0n);
  // Events the walk did not reach start a new segment at their stored revision (after a removal, say).
  for (const row of rows) {
    if (places.has(row) || !row.hash) continue;
    places.set(row, 'unlinked');
    follow(row.hash, row.revision + 1n);
  }
  return places;
}

function finding(kind: TamperKind, row: ChainRow, problem: string): TamperFinding {
  return {
    kind,
    streamId: row.streamId,
    revision: row.revision.toString(),
    eventId: row.eventId,
    position: { commit: row.commit, prepare: row.prepare },
    source: 'chain',
    detail: `event ${row.eventId} (stream "${row.streamId}", revision ${row.revision}) ${problem}`,
  };
}

function removed(next: ChainRow, missing: bigint): TamperFinding {
  return {
    kind: 'REMOVED',
    streamId: next.streamId,
    revision: missing.toString(),
    eventId: null,
    position: null,
    source: 'chain',
    detail: `stream "${next.streamId}" has no revision ${missing}; event ${next.eventId} at revision ${next.revision} links to ${hex(next.previousHash!)}, which no event has any more`,
  };
}

function hex(buffer: Buffer): string {
  return buffer.toString('hex');
}
