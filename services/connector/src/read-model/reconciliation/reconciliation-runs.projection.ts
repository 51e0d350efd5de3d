import type { Projection } from '@tenure/event-store-postgres';
import type { ReconciliationRunEvent } from '../../domain/reconciliation';
import { RECONCILIATION_STREAM_PREFIX } from '../../reconciliation/reconciliation-streams';
import { CREATE_CONNECTOR_RECONCILIATION_RUNS } from './reconciliation.tables';

/** Keeps `connector_reconciliation_runs` from the run streams. */
export const reconciliationRunsProjection: Projection = {
  name: 'connector-reconciliation-runs',
  filter: { streamPrefixes: [RECONCILIATION_STREAM_PREFIX] },
  async setup(client) {
    await client.query(CREATE_CONNECTOR_RECONCILIATION_RUNS);
  },
  async reset(client) {
    await client.query('TRUNCATE connector_reconciliation_runs');
  },
  async apply(recorded, client) {
    const event = { type: recorded.type, data: recorded.data } as ReconciliationRunEvent;
    switch (event.type) {
      case 'ReconciliationStarted': {
        const { runId, applicationId, trigger, remediation, startedAt } = event.data;
        await client.query(
          `INSERT INTO connector_reconciliation_runs (run_id, application_id, trigger, started_by, remediation, status, started_at)
           VALUES ($1, $2, $3, $4, $5, 'running', $6) ON CONFLICT (run_id) DO NOTHING`,
          [runId, applicationId, trigger, recorded.metadata.actor.id, remediation, startedAt],
        );
        return;
      }
      case 'ReconciliationListingRestarted':
        await client.query(
          'UPDATE connector_reconciliation_runs SET listing_restarts = array_append(listing_restarts, $2) WHERE run_id = $1',
          [event.data.runId, event.data.listing],
        );
        return;
      case 'DriftDetected':
        await client.query('UPDATE connector_reconciliation_runs SET drift_found = drift_found + $2 WHERE run_id = $1', [
          event.data.runId,
          event.data.drift.length,
        ]);
        return;
      case 'ReconciliationCompleted': {
        const { runId, accountsSeen, grantsSeen, drift, newDrift, remediation, durationMs, completedAt } = event.data;
        await client.query(
          `UPDATE connector_reconciliation_runs SET status = 'completed', finished_at = $2, accounts_seen = $3, grants_seen = $4,
             drift_counts = $5, new_drift = $6, remediation_counts = $7, duration_ms = $8
           WHERE run_id = $1`,
          [runId, completedAt, accountsSeen, grantsSeen, JSON.stringify(drift), newDrift, JSON.stringify(remediation), durationMs],
        );
        return;
      }
      case 'ReconciliationFailed': {
        const { runId, error, durationMs, failedAt } = event.data;
        await client.query(
          `UPDATE connector_reconciliation_runs SET status = 'failed', finished_at = $2, error_kind = $3, error_message = $4, duration_ms = $5
           WHERE run_id = $1`,
          [runId, failedAt, error.kind, error.message, durationMs],
        );
        return;
      }
      default:
        return; // events of later versions are ignored by this one
    }
  },
};
