import { createHash } from 'node:crypto';

/** A stream's last event at a checkpoint. Hashes are lowercase hex. */
export interface StreamHead {
  readonly streamId: string;
  readonly revision: string;
  readonly hash: string;
}

export const GENESIS_HASH_HEX = '00'.repeat(32);

/** Stream id byte order (UTF-8), the order heads are folded in; SQL gives it with COLLATE "C". */
export function compareStreamIds(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * root = sha256(previous root || one line per head, in stream id byte order).
 * A line is the JSON array [streamId, revision, hash] and a newline: JSON escaping keeps it unambiguous.
 */
export function foldHeads(previousRoot: string, heads: readonly StreamHead[]): string {
  const hash = createHash('sha256').update(Buffer.from(previousRoot, 'hex'));
  for (const head of heads) hash.update(`${JSON.stringify([head.streamId, head.revision, head.hash])}\n`, 'utf8');
  return hash.digest('hex');
}
