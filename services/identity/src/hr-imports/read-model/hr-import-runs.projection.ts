import { PERSONAL_DATA_ERASED, type PublishedPersonalDataErased } from '@tenure/contracts';
import { cancelTimer, scheduleTimer, type Projection } from '@tenure/event-store-postgres';
import type { PoolClient } from 'pg';
import { IDENTITY_STREAM_PREFIX } from '../../application/identity-streams';
import { HR_IMPORT_STREAM_PREFIX } from '../application/hr-import-streams';
import type { HrImportEvent } from '../domain';
import { eraseRecordErrorsOf, eraseUnnamedRecordErrorsOf } from './hr-import-record-errors-erasure';
import { HR_IMPORT_UNNAMED_ROWS_TIMER, unnamedRowsTimerId } from './hr-import-unnamed-rows-timer';
import { CREATE_HR_IMPORT_RUNS } from './hr-import-runs.table';

/** Every event type of a run, checked complete by the compiler: the filter below lists them with the erasure. */
const RUN_EVENT_TYPES: Record<HrImportEvent['type'], true> = {
  HrImportStarted: true,
  HrImportRefused: true,
  HrImportRecordRejected: true,
  HrImportChangesHeld: true,
  HrImportChangesConfirmed: true,
  HrImportChangesDiscarded: true,
  HrImportRecordFailed: true,
  HrImportCompleted: true,
  HrImportRecordCorrected: true,
  HrImportUnnamedRowsErased: true,
};

/**
 * Keeps `hr_import_runs` and `hr_import_record_errors` from the import run streams, and blanks a
 * person's rejected and corrected rows when their personal data is erased (on their identity stream).
 * When a run with rows that name nobody ends (completed, refused or discarded), it schedules the
 * retention timer of those rows; their erasure blanks them and cancels it.
 */
export const hrImportRunsProjection: Projection = {
  name: 'hr-import-runs',
  filter: {
    streamPrefixes: [HR_IMPORT_STREAM_PREFIX, IDENTITY_STREAM_PREFIX],
    eventTypes: [...Object.keys(RUN_EVENT_TYPES), PERSONAL_DATA_ERASED],
  },
  // Each run's events find its rows by run id (corrections, the retention check, erasure).
  lookupIndexes: ['hr_import_record_errors_run'],
  async setup(client) {
    await client.query(CREATE_HR_IMPORT_RUNS);
  },
  async reset(client) {
    await client.query('TRUNCATE hr_import_runs, hr_import_record_errors');
    await client.query('DELETE FROM tenure_timers WHERE kind = $1', [HR_IMPORT_UNNAMED_ROWS_TIMER]);
  },
  async apply(recorded, client) {
    if (recorded.type === PERSONAL_DATA_ERASED) {
      await eraseRecordErrorsOf((recorded.data as PublishedPersonalDataErased['data']).employeeNumber, client);
      return;
    }
    const event = { type: recorded.type, data: recorded.data } as HrImportEvent;
    const eventId = recorded.metadata.eventId;
    switch (event.type) {
      case 'HrImportStarted': {
        const { runId, fileName, complete, rows, channel, asOf, startedAt } = event.data;
        await client.query(
          `INSERT INTO hr_import_runs (run_id, file_name, complete, row_count, channel, as_of, status, started_at)
           VALUES ($1, $2, $3, $4, $5, $6, 'open', $7) ON CONFLICT (run_id) DO NOTHING`,
          [runId, fileName, complete, rows, channel, asOf, startedAt],
        );
        return;
      }
      case 'HrImportRefused':
        await client.query(`UPDATE hr_import_runs SET status = 'refused', file_errors = $2, finished_at = $3 WHERE run_id = $1`, [
          event.data.runId,
          JSON.stringify(event.data.errors),
          recorded.recordedAt,
        ]);
        await startUnnamedRowsRetention(client, event.data.runId, recorded.recordedAt);
        return;
      case 'HrImportRecordRejected': {
        const { runId, line, employeeNumber, raw, errors } = event.data;
        const inserted = await client.query(
          `INSERT INTO hr_import_record_errors (event_id, run_id, stage, line, employee_number, raw, errors)
           VALUES ($1, $2, 'rejected', $3, $4, $5, $6) ON CONFLICT (event_id) DO NOTHING`,
          [eventId, runId, line, employeeNumber, JSON.stringify(raw), JSON.stringify(errors)],
        );
        if (inserted.rowCount) await client.query('UPDATE hr_import_runs SET rejected = rejected + 1 WHERE run_id = $1', [runId]);
        return;
      }
      case 'HrImportChangesHeld':
        await client.query(`UPDATE hr_import_runs SET status = 'held', hold_reasons = $2, held_summary = $3 WHERE run_id = $1`, [
          event.data.runId,
          JSON.stringify(event.data.reasons),
          JSON.stringify(event.data.summary),
        ]);
        return;
      case 'HrImportChangesConfirmed':
        await client.query(`UPDATE hr_import_runs SET status = 'confirmed', decided_by = $2, decided_at = $3 WHERE run_id = $1`, [
          event.data.runId,
          event.data.by,
          event.data.confirmedAt,
        ]);
        return;
      case 'HrImportChangesDiscarded':
        await client.query(
          `UPDATE hr_import_runs SET status = 'discarded', decided_by = $2, decided_at = $3, discard_reason = $4, finished_at = $3
           WHERE run_id = $1`,
          [event.data.runId, event.data.by, event.data.discardedAt, event.data.reason],
        );
        await startUnnamedRowsRetention(client, event.data.runId, new Date(event.data.discardedAt));
        return;
      case 'HrImportRecordFailed': {
        const { runId, employeeNumber, kind, code, error } = event.data;
        const inserted = await client.query(
          `INSERT INTO hr_import_record_errors (event_id, run_id, stage, employee_number, change_kind, code, errors)
           VALUES ($1, $2, 'failed', $3, $4, $5, $6) ON CONFLICT (event_id) DO NOTHING`,
          [eventId, runId, employeeNumber, kind, code, JSON.stringify([error])],
        );
        if (inserted.rowCount) await client.query('UPDATE hr_import_runs SET failed = failed + 1 WHERE run_id = $1', [runId]);
        return;
      }
      case 'HrImportCompleted':
        await client.query(`UPDATE hr_import_runs SET status = 'completed', counts = $2, finished_at = $3 WHERE run_id = $1`, [
          event.data.runId,
          JSON.stringify(event.data.counts),
          event.data.completedAt,
        ]);
        await startUnnamedRowsRetention(client, event.data.runId, new Date(event.data.completedAt));
        return;
      case 'HrImportRecordCorrected': {
        const { runId, line, by, correctedAt, result, raw, employeeNumber } = event.data;
        const updated = await client.query(
          `UPDATE hr_import_record_errors
              SET corrected_at = $3, corrected_by = $4, correction_result = $5, corrected_raw = $6, corrected_employee_number = $7
            WHERE run_id = $1 AND stage = 'rejected' AND line = $2 AND corrected_at IS NULL`,
          [runId, line, correctedAt, by, result, JSON.stringify(raw), employeeNumber],
        );
        if (updated.rowCount) await client.query('UPDATE hr_import_runs SET corrected = corrected + 1 WHERE run_id = $1', [runId]);
        return;
      }
      case 'HrImportUnnamedRowsErased':
        await eraseUnnamedRecordErrorsOf(event.data.runId, client);
        await client.query('UPDATE hr_import_runs SET unnamed_rows_erased_at = $2 WHERE run_id = $1', [
          event.data.runId,
          event.data.erasedAt,
        ]);
        await cancelTimer(client, unnamedRowsTimerId(event.data.runId));
        return;
      default:
        return; // events of later versions are ignored by this one
    }
  },
};

/**
 * The run ended: the retention of its rows that name nobody starts now. The timer is due at the run's end
 * and its worker fires it once the retention period has passed since (see application/hr-import-retention-timer.ts),
 * so the timers do not depend on the configured period and a rebuild gives the same ones. A run without
 * such rows (or whose rows were already erased) needs none.
 */
async function startUnnamedRowsRetention(client: PoolClient, runId: string, endedAt: Date): Promise<void> {
  const { rowCount } = await client.query(
    `SELECT 1 FROM hr_import_record_errors AS e JOIN hr_import_runs AS r USING (run_id)
      WHERE e.run_id = $1 AND e.stage = 'rejected' AND e.employee_number IS NULL AND r.unnamed_rows_erased_at IS NULL LIMIT 1`,
    [runId],
  );
  if (!rowCount) return;
  await scheduleTimer(client, {
    timerId: unnamedRowsTimerId(runId),
    kind: HR_IMPORT_UNNAMED_ROWS_TIMER,
    dueAt: endedAt,
    payload: { runId },
  });
}
