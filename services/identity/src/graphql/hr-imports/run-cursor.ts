import { DomainError } from '@tenure/event-sourcing';

/** Where a page of runs ends: the start and id of its last run (runs are listed newest first). */
export interface RunCursor {
  readonly startedAt: Date;
  readonly runId: string;
}

export function encodeRunCursor(cursor: RunCursor): string {
  return Buffer.from(JSON.stringify([cursor.startedAt.toISOString(), cursor.runId]), 'utf8').toString('base64url');
}

export function decodeRunCursor(cursor: string): RunCursor {
  try {
    const [startedAt, runId] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const date = typeof startedAt === 'string' ? new Date(startedAt) : new Date(Number.NaN);
    if (typeof runId === 'string' && !Number.isNaN(date.getTime())) return { startedAt: date, runId };
  } catch {
    // Falls through to the error below: a cursor this service did not hand out.
  }
  throw new DomainError('validation', `after "${cursor}" is not a cursor of hrImportRuns: pass an endCursor it returned`, {
    field: 'after',
  });
}
