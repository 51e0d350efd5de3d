import type { Position } from '@tenure/event-sourcing';

/** An event already in the stream whose EventStoreDB id is one of the batch's ids. */
export interface StoredOccurrence {
  readonly esdbId: string;
  readonly revision: bigint;
  readonly position: Position;
}

export type AppendPlan =
  | { readonly kind: 'write' }
  /** The same ids in the same order at consecutive revisions: answer with the original result. */
  | { readonly kind: 'already_appended'; readonly lastRevision: bigint; readonly position: Position }
  /** Some ids were used, but not as this batch at one place: `index` is the first such event of the batch. */
  | { readonly kind: 'violation'; readonly index: number };

/**
 * Decides what an append does given the batch's EventStoreDB ids and where those ids already
 * occur in the target stream. Same rule as the PostgreSQL store: ids and places count, content does not.
 */
export function planAppend(batchIds: readonly string[], occurrences: readonly StoredOccurrence[]): AppendPlan {
  if (occurrences.length === 0) return { kind: 'write' };

  const byId = new Map<string, StoredOccurrence[]>();
  for (const occurrence of occurrences) byId.set(occurrence.esdbId, [...(byId.get(occurrence.esdbId) ?? []), occurrence]);

  const first = byId.get(batchIds[0]!);
  const sameBatchAtOnePlace =
    first?.length === 1 &&
    batchIds.every((id, i) => {
      const found = byId.get(id);
      return found?.length === 1 && found[0]!.revision === first[0]!.revision + BigInt(i);
    });
  if (sameBatchAtOnePlace) {
    const last = byId.get(batchIds[batchIds.length - 1]!)![0]!;
    return { kind: 'already_appended', lastRevision: last.revision, position: last.position };
  }
  return {
    kind: 'violation',
    index: Math.max(
      0,
      batchIds.findIndex((id) => byId.has(id)),
    ),
  };
}

/** Index of the first event whose id repeats an earlier one in the same batch, or -1. */
export function firstRepeatedId(ids: readonly string[]): number {
  const seen = new Set<string>();
  for (const [i, id] of ids.entries()) {
    if (seen.has(id)) return i;
    seen.add(id);
  }
  return -1;
}
