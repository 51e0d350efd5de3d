import type { ClientBase, Pool } from 'pg';
import { readChains, type ChainRow } from './chain-query';
import { foldHeads } from './checkpoint-root';
import { compareHeads } from './compare-heads';
import {
  checkpointChainProblem,
  checkpointHeads,
  headsAtPosition,
  latestCheckpointRow,
  type ExportedCheckpoint,
  type HashCheckpoint,
} from './hash-checkpoints';
import type { CheckpointVerification, TamperFinding, VerificationReport } from './report';
import { findTampering } from './stream-chain';

export interface VerifyEventLogOptions {
  /** Verify against this exported checkpoint instead of the latest one in the database. */
  readonly against?: ExportedCheckpoint;
  /** Events read per query. Default 10,000. */
  readonly batchSize?: number;
  /** Findings kept in the report (a rewritten log could produce millions). Default 1,000. */
  readonly maxFindings?: number;
  /** Called after each batch with the events verified so far. */
  readonly onProgress?: (events: number) => void;
  /** Milliseconds, for the rate in the report. Default performance.now. */
  readonly clock?: () => number;
}

/**
 * Recomputes every stream's hash chain and compares the stream heads with a checkpoint. Runs in one
 * read-only repeatable-read transaction: one consistent snapshot, and no transaction id, so it never
 * holds back readers of the log (docs/architecture.md, "Tamper evidence").
 */
export async function verifyEventLog(pool: Pool, options: VerifyEventLogOptions = {}): Promise<VerificationReport> {
  const clock = options.clock ?? (() => performance.now());
  const maxFindings = options.maxFindings ?? 1_000;
  const started = clock();
  const findings: TamperFinding[] = [];
  let omitted = 0;
  const record = (found: readonly TamperFinding[]): void => {
    for (const finding of found) {
      if (findings.length < maxFindings) findings.push(finding);
      else omitted++;
    }
  };

  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    let events = 0;
    let streams = 0;
    let stream: ChainRow[] = [];
    for await (const batch of readChains(client, options.batchSize ?? 10_000)) {
      for (const row of batch) {
        if (stream.length > 0 && stream[0]!.streamId !== row.streamId) {
          record(findTampering(stream));
          streams++;
          stream = [];
        }
        stream.push(row);
      }
      events += batch.length;
      options.onProgress?.(events);
    }
    if (stream.length > 0) {
      record(findTampering(stream));
      streams++;
    }
    const checkpoint = await verifyCheckpoint(client, options.against, record);
    await client.query('COMMIT');
    const seconds = (clock() - started) / 1_000;
    return {
      intact: findings.length === 0 && omitted === 0 && (checkpoint?.intact ?? true),
      streams,
      events,
      seconds,
      eventsPerSecond: seconds > 0 ? Math.round(events / seconds) : events,
      findings,
      findingsOmitted: omitted,
      checkpoint,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function verifyCheckpoint(
  client: ClientBase,
  exported: ExportedCheckpoint | undefined,
  record: (found: readonly TamperFinding[]) => void,
): Promise<CheckpointVerification | null> {
  const checkpoint: HashCheckpoint | null = exported ?? (await latestCheckpointRow(client));
  if (!checkpoint) return null;
  const sealed = exported ? exported.heads : await checkpointHeads(client, checkpoint.id);
  const problems: string[] = [];
  // The checkpoint must agree with itself (its heads fold to its root) before it can judge the log.
  if (foldHeads(checkpoint.previousRoot, sealed) !== checkpoint.root)
    problems.push(`checkpoint ${checkpoint.id}: its heads do not fold to its root ${checkpoint.root}; the checkpoint itself was altered`);
  if (!exported) {
    const chainProblem = await checkpointChainProblem(client);
    if (chainProblem) problems.push(chainProblem);
  }
  const current = await headsAtPosition(client, checkpoint.position);
  const found = compareHeads(checkpoint.id, sealed, current);
  record(found);
  return {
    source: exported ? 'export' : 'database',
    id: checkpoint.id,
    root: checkpoint.root,
    position: checkpoint.position,
    streams: checkpoint.streams,
    intact: problems.length === 0 && found.length === 0,
    problems,
  };
}
