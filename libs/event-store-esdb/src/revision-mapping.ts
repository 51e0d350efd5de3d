import { NO_STREAM, START, type ReadPosition } from '@eventstore/db-client';
import type { ExpectedRevision, Position } from '@tenure/event-sourcing';

/** The stream's head as EventStoreDB reports it: the revision of its last event, or no stream yet. */
export type StreamHead = bigint | 'no_stream';

/**
 * The expected revision sent to EventStoreDB. The adapter always pins the append to the head it
 * observed while checking idempotency, so that check and the write are atomic; the caller's
 * `ExpectedRevision` is checked against that head first (see `conflictsWith`).
 */
export function pinnedExpectedRevision(head: StreamHead): typeof NO_STREAM | bigint {
  return head === 'no_stream' ? NO_STREAM : head;
}

/** True when a writer expecting `expected` must be refused because the stream is at `head`. */
export function conflictsWith(expected: ExpectedRevision, head: StreamHead): boolean {
  if (expected === 'any') return false;
  // -1 is how an append result reports an empty stream, so it means "no stream" here too.
  const expectedRevision = expected === 'no_stream' ? -1n : expected;
  return nextExpectedRevisionOf(head) !== expectedRevision;
}

/** How `WrongExpectedRevisionError.expected` names an expectation, e.g. "no stream" or "revision 3". */
export function describeExpected(expected: ExpectedRevision): string {
  if (expected === 'any') return 'any';
  if (expected === 'no_stream') return 'no stream';
  return `revision ${expected}`;
}

/** The client reports a missing stream as 'no_stream' and a revision as a bigint, like `StreamHead`. */
export function headFromCurrentRevision(current: unknown): StreamHead {
  return typeof current === 'bigint' ? current : 'no_stream';
}

/** `nextExpectedRevision` of an append result for a stream at `head`: -1 when it has no event. */
export function nextExpectedRevisionOf(head: StreamHead): bigint {
  return head === 'no_stream' ? -1n : head;
}

export function isStartPosition(position: Position): boolean {
  return position.commit === 0n && position.prepare === 0n;
}

/** Where to start reading `$all` so that everything strictly after `after` is included. */
export function readPositionFor(after: Position | undefined): ReadPosition {
  if (after === undefined || isStartPosition(after)) return START;
  return { commit: after.commit, prepare: after.prepare };
}
