import { DRIFT_STREAM_PREFIX, driftStreamId } from '@tenure/contracts';

export const RECONCILIATION_STREAM_PREFIX = 'reconciliation-';

/** One run per stream: what one reading of one application's target found. */
export function reconciliationRunStreamId(runId: string): string {
  return `${RECONCILIATION_STREAM_PREFIX}${runId}`;
}

/** One drift per stream (its id is stable across runs): what was decided about it. */
export { DRIFT_STREAM_PREFIX, driftStreamId };
