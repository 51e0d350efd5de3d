/** What verification found wrong with one event (or one missing revision) of a stream. */
export type TamperKind = 'MODIFIED' | 'REMOVED' | 'INSERTED' | 'REORDERED';

export interface TamperFinding {
  readonly kind: TamperKind;
  readonly streamId: string;
  /** The stored revision of the event; for REMOVED, the missing revision. */
  readonly revision: string;
  /** Null for REMOVED: the event is gone (a checkpoint export may still name its hash). */
  readonly eventId: string | null;
  /** Global position `{ commit, prepare }` of the event; null for REMOVED. */
  readonly position: { readonly commit: string; readonly prepare: string } | null;
  /** 'chain': found by recomputing the stream's hash chain; 'checkpoint': by comparing stream heads with a checkpoint. */
  readonly source: 'chain' | 'checkpoint';
  readonly detail: string;
}

export interface CheckpointVerification {
  /** 'database': the latest checkpoint in tenure_hash_checkpoints; 'export': a file an auditor kept. */
  readonly source: 'database' | 'export';
  readonly id: string;
  readonly root: string;
  readonly position: { readonly commit: string; readonly prepare: string };
  readonly streams: number;
  readonly intact: boolean;
  /** Problems with the checkpoint itself (its heads do not fold to its root, a break in the chain of checkpoints). */
  readonly problems: readonly string[];
}

export interface VerificationReport {
  readonly intact: boolean;
  readonly streams: number;
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  /** At most `maxFindings` of them; `findingsOmitted` counts the rest. */
  readonly findings: readonly TamperFinding[];
  readonly findingsOmitted: number;
  /** Null when there is no checkpoint to verify against yet. */
  readonly checkpoint: CheckpointVerification | null;
}
