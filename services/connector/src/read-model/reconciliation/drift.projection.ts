import { IDENTITY_STREAM_PREFIX, OPERATION_STREAM_PREFIX, PERSONAL_DATA_ERASED } from '@tenure/contracts';
import type { RecordedEvent } from '@tenure/event-sourcing';
import type { Projection } from '@tenure/event-store-postgres';
import type { PoolClient } from 'pg';
import type { DriftLifecycleEvent, ReconciliationRunEvent } from '../../domain/reconciliation';
import { DRIFT_STREAM_PREFIX, RECONCILIATION_STREAM_PREFIX } from '../../reconciliation/reconciliation-streams';
import { erasureOf, ERASED_MARKER, userNameAfterErasureSql, type ErasureData } from '../erasure/personal-data-erasure';
import { CREATE_CONNECTOR_DRIFT } from './reconciliation.tables';

/** The step that completes an operation of each action (see the operation decider): then its drift is remediated. */
const COMPLETES: Readonly<Record<string, string>> = {
  AccountCreated: 'create-account',
  AccountUpdated: 'update-account',
  AccountDisabled: 'disable-account',
  AccountEnabled: 'enable-account',
  EntitlementGranted: 'grant',
  EntitlementRevoked: 'revoke',
};

/** Operations reconciliation asked for carry this prefix (see operation-ids.ts). */
const DRIFT_OPERATION = 'drift.';

/**
 * Keeps `connector_drift`: found by the runs (DriftDetected, and ReconciliationCompleted for what is
 * gone), decided in the drift streams, and followed to the outcome of the operations that remediate it.
 */
export const driftProjection: Projection = {
  name: 'connector-drift',
  filter: {
    streamPrefixes: [RECONCILIATION_STREAM_PREFIX, DRIFT_STREAM_PREFIX, OPERATION_STREAM_PREFIX, IDENTITY_STREAM_PREFIX],
    eventTypes: [
      PERSONAL_DATA_ERASED,
      'DriftDetected',
      'ReconciliationCompleted',
      'DriftRemediationRequested',
      'DriftAdopted',
      'DriftDismissed',
      'OperationRequested',
      'OperationFailed',
      'OperationDismissed',
      ...Object.keys(COMPLETES),
    ],
  },
  async setup(client) {
    await client.query(CREATE_CONNECTOR_DRIFT);
  },
  async reset(client) {
    await client.query('TRUNCATE connector_drift');
  },
  async apply(recorded, client) {
    if (recorded.streamId.startsWith(OPERATION_STREAM_PREFIX)) return applyOperationEvent(recorded, client);
    const erasure = erasureOf(recorded);
    if (erasure) return eraseDrift(erasure, client);
    const event = { type: recorded.type, data: recorded.data } as ReconciliationRunEvent | DriftLifecycleEvent;
    switch (event.type) {
      case 'DriftDetected':
        return recordFound(event.data, client);
      case 'ReconciliationCompleted': {
        // What this complete reading of the target no longer shows is gone; a failed run proves nothing.
        const { applicationId, runId, completedAt } = event.data;
        await client.query(
          `UPDATE connector_drift SET gone_at = $3, updated_at = $3,
             status = CASE status WHEN 'open' THEN 'resolved' WHEN 'remediating' THEN 'remediated' ELSE status END
           WHERE application_id = $1 AND gone_at IS NULL AND last_seen_run_id <> $2`,
          [applicationId, runId, completedAt],
        );
        return;
      }
      case 'DriftRemediationRequested': {
        const { driftId, occurrence, operationId, action, decidedBy, comment, requestedAt } = event.data;
        await client.query(
          `UPDATE connector_drift SET decided_by = $3, decided_at = $4, comment = $5, operation_id = $6, remediation_action = $7,
             status = CASE WHEN status = 'remediated' THEN status ELSE 'remediating' END, updated_at = $4
           WHERE drift_id = $1 AND occurrence = $2`,
          [driftId, occurrence, decidedBy, requestedAt, comment, operationId, action],
        );
        return;
      }
      case 'DriftAdopted':
      case 'DriftDismissed': {
        const { driftId, occurrence, comment } = event.data;
        const [status, decidedBy, at] =
          event.type === 'DriftAdopted'
            ? ['adopted', event.data.decidedBy, event.data.adoptedAt]
            : ['dismissed', 'administrator', event.data.dismissedAt];
        await client.query(
          `UPDATE connector_drift SET status = $3, decided_by = $4, decided_at = $5, comment = $6, updated_at = $5
           WHERE drift_id = $1 AND occurrence = $2`,
          [driftId, occurrence, status, decidedBy, at, comment],
        );
        return;
      }
      default:
        return; // events of later versions are ignored by this one
    }
  },
};

async function recordFound(data: Extract<ReconciliationRunEvent, { type: 'DriftDetected' }>['data'], client: PoolClient): Promise<void> {
  const rows = data.drift.map((finding) => ({
    drift_id: finding.driftId,
    kind: finding.kind,
    user_name: finding.userName,
    entitlement_key: finding.entitlementKey,
    identity_id: finding.identityId,
    employee_number: finding.employeeNumber,
    identity_status: finding.identityStatus,
    account_enabled: finding.accountEnabled,
    assignment_id: finding.assignmentId,
    reason: finding.reason,
    differences: finding.differences,
    occurrence: finding.occurrence,
    planned: finding.remediation,
  }));
  // A new occurrence starts over: open, first seen now, nothing decided.
  await client.query(
    `INSERT INTO connector_drift AS d (drift_id, application_id, kind, user_name, entitlement_key, identity_id, employee_number,
       identity_status, account_enabled, assignment_id, reason, differences, occurrence, status, first_seen_at, first_seen_run_id,
       last_seen_at, last_seen_run_id, planned, updated_at)
     SELECT r.drift_id, $2, r.kind, r.user_name, r.entitlement_key, r.identity_id, r.employee_number, r.identity_status,
            r.account_enabled, r.assignment_id, r.reason, r.differences, r.occurrence, 'open', $3, $4, $3, $4, r.planned, $3
       FROM jsonb_to_recordset($1::jsonb) AS r(drift_id text, kind text, user_name text, entitlement_key text, identity_id text,
            employee_number text, identity_status text, account_enabled boolean, assignment_id text, reason text, differences jsonb,
            occurrence integer, planned jsonb)
     ON CONFLICT (drift_id) DO UPDATE SET
       identity_id = EXCLUDED.identity_id, employee_number = EXCLUDED.employee_number, identity_status = EXCLUDED.identity_status,
       account_enabled = EXCLUDED.account_enabled, assignment_id = EXCLUDED.assignment_id, reason = EXCLUDED.reason,
       differences = EXCLUDED.differences, last_seen_at = EXCLUDED.last_seen_at, last_seen_run_id = EXCLUDED.last_seen_run_id,
       updated_at = EXCLUDED.updated_at,
       planned = CASE WHEN EXCLUDED.planned->>'kind' = 'already-handled' AND EXCLUDED.occurrence = d.occurrence THEN d.planned
                      ELSE EXCLUDED.planned END,
       occurrence = GREATEST(d.occurrence, EXCLUDED.occurrence),
       status = CASE WHEN EXCLUDED.occurrence > d.occurrence THEN 'open' ELSE d.status END,
       first_seen_at = CASE WHEN EXCLUDED.occurrence > d.occurrence THEN EXCLUDED.first_seen_at ELSE d.first_seen_at END,
       first_seen_run_id = CASE WHEN EXCLUDED.occurrence > d.occurrence THEN EXCLUDED.first_seen_run_id ELSE d.first_seen_run_id END,
       gone_at = CASE WHEN EXCLUDED.occurrence > d.occurrence THEN NULL ELSE d.gone_at END,
       decided_by = CASE WHEN EXCLUDED.occurrence > d.occurrence THEN NULL ELSE d.decided_by END,
       decided_at = CASE WHEN EXCLUDED.occurrence > d.occurrence THEN NULL ELSE d.decided_at END,
       comment = CASE WHEN EXCLUDED.occurrence > d.occurrence THEN NULL ELSE d.comment END,
       operation_id = CASE WHEN EXCLUDED.occurrence > d.occurrence THEN NULL ELSE d.operation_id END,
       remediation_action = CASE WHEN EXCLUDED.occurrence > d.occurrence THEN NULL ELSE d.remediation_action END,
       remediation_error = CASE WHEN EXCLUDED.occurrence > d.occurrence THEN NULL ELSE d.remediation_error END`,
    [JSON.stringify(rows), data.applicationId, data.detectedAt, data.runId],
  );
}

/**
 * The erased person's drift loses their user name (from the email) and the names and emails it
 * compared. In the events they are sealed under the person's key, finding by finding
 * (docs/personal-data.md): a rebuild reads them as `[erased]`, and this same erasure event turns
 * the user name into `erased-<employee number>`, so live and rebuilt rows are the same.
 */
async function eraseDrift(erasure: ErasureData, client: PoolClient): Promise<void> {
  await client.query(
    `UPDATE connector_drift SET user_name = ${userNameAfterErasureSql('user_name', '$2')},
       differences = COALESCE((SELECT jsonb_agg(difference || jsonb_build_object('expected', $3::text,
                                 'actual', CASE WHEN difference->'actual' = 'null'::jsonb THEN NULL ELSE $3::text END))
                                 FROM jsonb_array_elements(differences) difference), '[]'::jsonb)
     WHERE identity_id = $1 OR employee_number = $2`,
    [erasure.identityId, erasure.employeeNumber, ERASED_MARKER],
  );
}

interface OperationEventData {
  readonly operationId?: string;
  readonly action?: string;
  readonly cause?: { readonly kind: string; readonly reference: string };
  readonly message?: string;
  readonly reason?: string;
}

async function applyOperationEvent(recorded: RecordedEvent, client: PoolClient): Promise<void> {
  const data = recorded.data as OperationEventData;
  const operationId = data.operationId;
  if (!operationId?.startsWith(DRIFT_OPERATION)) return;
  const at = recorded.metadata.occurredAt;
  if (recorded.type === 'OperationRequested') {
    // Requested before the drift's own event says so: the outcome may come first, so follow the operation from here.
    if (data.cause?.kind !== 'drift') return;
    await client.query(
      `UPDATE connector_drift SET operation_id = $2, remediation_action = $3, status = 'remediating', updated_at = $4
        WHERE drift_id = $1 AND status = 'open'`,
      [data.cause.reference, operationId, data.action ?? null, at],
    );
    return;
  }
  if (recorded.type === 'OperationFailed' || recorded.type === 'OperationDismissed') {
    const error = recorded.type === 'OperationFailed' ? (data.message ?? 'failed') : `dismissed: ${data.reason ?? ''}`;
    await client.query('UPDATE connector_drift SET remediation_error = $2, updated_at = $3 WHERE operation_id = $1', [
      operationId,
      error,
      at,
    ]);
    return;
  }
  const action = COMPLETES[recorded.type];
  if (action === undefined) return;
  await client.query(
    `UPDATE connector_drift SET status = 'remediated', remediation_error = NULL, updated_at = $3
      WHERE operation_id = $1 AND remediation_action = $2 AND status = 'remediating'`,
    [operationId, action, at],
  );
}
