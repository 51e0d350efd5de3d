import type { RecordedEvent } from '@tenure/event-sourcing';
import { cancelTimer, scheduleTimer, type Projection, type TimerRequest } from '@tenure/event-store-postgres';
import type { PoolClient } from 'pg';
import {
  ACCESS_REQUEST_EVENT_TYPES,
  accessRequestDecider,
  awaitedApprovers,
  openStep,
  type AccessRequestEvent,
  type AccessRequestState,
  type KnownRequest,
} from '../../domain/requests';
import { ACCESS_REQUEST_STREAM_PREFIX, requestIdOf } from './request-streams';
import { applyRequestsBatch } from './workflow-requests.batch';
import { CREATE_WORKFLOW_ACCESS_REQUESTS, type WorkflowAccessRequestRow } from './workflow-requests.table';

/** Timers of this kind carry `{ requestId, stepIndex, dueAt }` and escalate a step still pending at its escalatesAt. */
export const APPROVAL_ESCALATION_TIMER = 'workflow-approval-escalation';

export function approvalEscalationTimerId(requestId: string): string {
  return `${APPROVAL_ESCALATION_TIMER}:${requestId}`;
}

export interface EscalationTimerPayload {
  readonly requestId: string;
  readonly stepIndex: number;
  readonly dueAt: string;
}

/**
 * Keeps `workflow_access_requests` and each request's escalation timer in the same transaction: the
 * timer exists while a step is open with an escalatesAt (one open step per request at a time).
 * An event at or below the stored revision was applied already. A batch (a replay, a burst) is
 * folded in memory: see the batch file.
 */
export const workflowRequestsProjection: Projection = {
  name: 'workflow-access-requests',
  filter: { streamPrefixes: [ACCESS_REQUEST_STREAM_PREFIX], eventTypes: ACCESS_REQUEST_EVENT_TYPES },
  async setup(client) {
    await client.query(CREATE_WORKFLOW_ACCESS_REQUESTS);
  },
  async reset(client) {
    await client.query('TRUNCATE workflow_access_requests');
    await client.query('DELETE FROM tenure_timers WHERE kind = $1', [APPROVAL_ESCALATION_TIMER]);
  },
  apply: applyEvent,
  applyBatch: (events, client) => applyRequestsBatch(events, client, { columnsOf, escalationTimer }),
};

async function applyEvent(recorded: RecordedEvent, client: PoolClient): Promise<void> {
  const requestId = requestIdOf(recorded.streamId);
  const { rows } = await client.query<Pick<WorkflowAccessRequestRow, 'revision' | 'state'>>(
    'SELECT revision, state FROM workflow_access_requests WHERE request_id = $1',
    [requestId],
  );
  const stored = rows[0];
  if (stored && BigInt(stored.revision) >= recorded.revision) return;
  const before: AccessRequestState = stored?.state ?? accessRequestDecider.initialState();
  const after = accessRequestDecider.evolve(before, { type: recorded.type, data: recorded.data } as AccessRequestEvent);
  if (after.status === 'none') return;
  await save(client, after, recorded.revision);
  await keepEscalationTimer(client, after);
}

async function save(client: PoolClient, request: KnownRequest, revision: bigint): Promise<void> {
  const row = columnsOf(request, revision);
  await client.query(
    `INSERT INTO workflow_access_requests (request_id, identity_id, subject_employee_number, requester_employee_number, status,
       awaited_approvers, to_administrators, undecided_approvers, requested_at, revision, state)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (request_id) DO UPDATE SET status = EXCLUDED.status, awaited_approvers = EXCLUDED.awaited_approvers,
       to_administrators = EXCLUDED.to_administrators, undecided_approvers = EXCLUDED.undecided_approvers,
       revision = EXCLUDED.revision, state = EXCLUDED.state`,
    [
      row.request_id,
      row.identity_id,
      row.subject_employee_number,
      row.requester_employee_number,
      row.status,
      row.awaited_approvers,
      row.to_administrators,
      row.undecided_approvers,
      row.requested_at,
      row.revision,
      JSON.stringify(row.state),
    ],
  );
}

function columnsOf(request: KnownRequest, revision: bigint) {
  const open = openStep(request);
  const undecided = request.steps
    .filter((step) => request.status === 'pending' && (step.status === 'open' || step.status === 'waiting'))
    .flatMap((step) => step.approvers);
  return {
    request_id: request.requestId,
    identity_id: request.identityId,
    subject_employee_number: request.subjectEmployeeNumber,
    requester_employee_number: request.requesterEmployeeNumber,
    status: request.status,
    awaited_approvers: awaitedApprovers(request),
    to_administrators: request.status === 'pending' && open?.toAdministrators === true,
    undecided_approvers: [...new Set(undecided)],
    requested_at: request.requestedAt,
    revision: revision.toString(),
    state: request,
  };
}

async function keepEscalationTimer(client: PoolClient, request: KnownRequest): Promise<void> {
  const timer = escalationTimer(request);
  if ('cancel' in timer) await cancelTimer(client, timer.cancel);
  else await scheduleTimer(client, timer);
}

/** The timer exists while a step is open with an escalatesAt. */
function escalationTimer(request: KnownRequest): TimerRequest | { readonly cancel: string } {
  const open = openStep(request);
  const timerId = approvalEscalationTimerId(request.requestId);
  if (request.status !== 'pending' || !open || open.escalatesAt === null) return { cancel: timerId };
  const payload: EscalationTimerPayload = { requestId: request.requestId, stepIndex: open.index, dueAt: open.escalatesAt };
  return { timerId, kind: APPROVAL_ESCALATION_TIMER, dueAt: new Date(open.escalatesAt), payload };
}
