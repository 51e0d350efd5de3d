import type { RecordedEvent } from '@tenure/event-sourcing';
import { TimerPlan, type TimerRequest } from '@tenure/event-store-postgres';
import type { PoolClient } from 'pg';
import { accessRequestDecider, type AccessRequestEvent, type AccessRequestState, type KnownRequest } from '../../domain/requests';
import { requestIdOf } from './request-streams';
import type { WorkflowAccessRequestRow } from './workflow-requests.table';

/** The per-event apply's own row and timer decisions, so both forms write the same. */
export interface RequestRowWriter {
  columnsOf(request: KnownRequest, revision: bigint): Record<string, unknown>;
  escalationTimer(request: KnownRequest): TimerRequest | { readonly cancel: string };
}

/**
 * The batch form of the workflow-access-requests projection: each request's stored state is read
 * once, the batch's events are folded by the decider's evolve in memory (skipping revisions already
 * applied, as the per-event apply), and the requests changed and their timers' last decisions are
 * written in one statement each.
 */
export async function applyRequestsBatch(events: readonly RecordedEvent[], client: PoolClient, writer: RequestRowWriter): Promise<void> {
  const { rows } = await client.query<Pick<WorkflowAccessRequestRow, 'request_id' | 'revision' | 'state'>>(
    'SELECT request_id, revision, state FROM workflow_access_requests WHERE request_id = ANY ($1::text[])',
    [[...new Set(events.map((event) => requestIdOf(event.streamId)))]],
  );
  const stored = new Map(rows.map((row) => [row.request_id, { revision: BigInt(row.revision), state: row.state as AccessRequestState }]));
  const changed = new Map<string, KnownRequest>();
  const timers = new TimerPlan();
  for (const recorded of events) {
    const requestId = requestIdOf(recorded.streamId);
    const before = stored.get(requestId);
    if (before && before.revision >= recorded.revision) continue;
    const after = accessRequestDecider.evolve(before?.state ?? accessRequestDecider.initialState(), {
      type: recorded.type,
      data: recorded.data,
    } as AccessRequestEvent);
    if (after.status === 'none') continue;
    // Through JSON, as the per-event apply reads it back from the jsonb column before the next event.
    stored.set(requestId, { revision: recorded.revision, state: JSON.parse(JSON.stringify(after)) as AccessRequestState });
    changed.set(requestId, after);
    const timer = writer.escalationTimer(after);
    if ('cancel' in timer) timers.cancel(timer.cancel);
    else timers.schedule(timer);
  }
  const records = [...changed].map(([requestId, request]) => writer.columnsOf(request, stored.get(requestId)!.revision));
  if (records.length > 0) {
    await client.query(
      `INSERT INTO workflow_access_requests (request_id, identity_id, subject_employee_number, requester_employee_number, status,
         awaited_approvers, to_administrators, undecided_approvers, requested_at, revision, state)
       SELECT request_id, identity_id, subject_employee_number, requester_employee_number, status, awaited_approvers, to_administrators,
              undecided_approvers, requested_at, revision, state
         FROM jsonb_populate_recordset(NULL::workflow_access_requests, $1::jsonb)
       ON CONFLICT (request_id) DO UPDATE SET status = EXCLUDED.status, awaited_approvers = EXCLUDED.awaited_approvers,
         to_administrators = EXCLUDED.to_administrators, undecided_approvers = EXCLUDED.undecided_approvers,
         revision = EXCLUDED.revision, state = EXCLUDED.state`,
      [JSON.stringify(records)],
    );
  }
  await timers.write(client);
}
