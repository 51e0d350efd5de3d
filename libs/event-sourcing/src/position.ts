/**
 * A position in the global log. Two numbers, like EventStoreDB's commit/prepare pair:
 * the PostgreSQL store uses (transaction id, sequence number), which is what makes its
 * order gap-free for readers (see docs/architecture.md).
 */
export interface Position {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** The position before the first event: reading "after START" reads everything. */
export const START: Position = Object.freeze({ commit: 0n, prepare: 0n });

export function comparePositions(a: Position, b: Position): -1 | 0 | 1 {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

export function isAfter(a: Position, b: Position): boolean {
  return comparePositions(a, b) > 0;
}

export function positionToString(p: Position): string {
  return `${p.commit}/${p.prepare}`;
}

export function positionFromString(text: string): Position {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match) throw new TypeError(`"${text}" is not a log position (expected "<commit>/<prepare>")`);
  return { commit: BigInt(match[1]!), prepare: BigInt(match[2]!) };
}
