import { assignmentsStreamId, type AssignmentSource } from '@tenure/contracts';
import type { EventStore } from '@tenure/event-sourcing';
import type { AssignmentsEvent } from '../domain/assignments';
import type { AccessRequestEvent, RequestParty } from '../domain/requests';
import { allowedDecision, step } from '../domain/requests/access-request.fixtures';
import { accessRequestStreamId } from '../read-model/workflow-requests';
import { appendPublishedEvent, type Publisher } from './published-events';

// Scripted histories for "access as of a time": workflow's own assignment and request events, each
// appended at a known instant, as the running service would have recorded them. Nothing decides
// here; the projections under test see exactly these events.

const WORKFLOW: Publisher = { actor: { kind: 'service', id: 'workflow-test' }, correlationPrefix: 'workflow' };

export function recordAssignmentEvent(store: EventStore, identityId: string, event: AssignmentsEvent, occurredAt: string): Promise<string> {
  return appendPublishedEvent(store, assignmentsStreamId(identityId), event, WORKFLOW, occurredAt);
}

export function recordRequestEvent(store: EventStore, requestId: string, event: AccessRequestEvent, occurredAt: string): Promise<string> {
  return appendPublishedEvent(store, accessRequestStreamId(requestId), event, WORKFLOW, occurredAt);
}

export interface ScriptedAssignment {
  readonly assignmentId: string;
  readonly identityId: string;
  readonly applicationId: string;
  readonly entitlementKey: string;
  readonly source: AssignmentSource;
  readonly durationMs?: number;
}

export async function added(store: EventStore, assignment: ScriptedAssignment, at: string): Promise<void> {
  const { durationMs, ...ref } = assignment;
  await recordAssignmentEvent(
    store,
    assignment.identityId,
    { type: 'AssignmentAdded', data: { ...ref, validFrom: at, validUntil: null, durationMs: durationMs ?? null } },
    at,
  );
}

/** The grant acknowledged at `at`; a duration's clock starts then. */
export async function provisioned(store: EventStore, assignment: ScriptedAssignment, at: string): Promise<void> {
  const validUntil = assignment.durationMs ? new Date(Date.parse(at) + assignment.durationMs).toISOString() : null;
  const { assignmentId, identityId } = assignment;
  await recordAssignmentEvent(
    store,
    identityId,
    {
      type: 'AssignmentProvisioned',
      data: { assignmentId, identityId, operationId: `grant.${assignmentId}`, acknowledgedAt: at, validUntil },
    },
    at,
  );
}

export async function extended(store: EventStore, assignment: ScriptedAssignment, requestId: string, validUntil: string, at: string) {
  const { assignmentId, identityId } = assignment;
  await recordAssignmentEvent(
    store,
    identityId,
    { type: 'AssignmentExtended', data: { assignmentId, identityId, validUntil, requestId, extendedAt: at } },
    at,
  );
}

export async function revoked(
  store: EventStore,
  assignment: ScriptedAssignment,
  reason: Extract<AssignmentsEvent, { type: 'AssignmentRevoked' }>['data']['reason'],
  at: string,
): Promise<void> {
  const { assignmentId, identityId, applicationId, entitlementKey } = assignment;
  await recordAssignmentEvent(
    store,
    identityId,
    { type: 'AssignmentRevoked', data: { assignmentId, identityId, applicationId, entitlementKey, reason, revokedAt: at } },
    at,
  );
}

export async function revocationAcknowledged(store: EventStore, assignment: ScriptedAssignment, at: string): Promise<void> {
  const { assignmentId, identityId } = assignment;
  await recordAssignmentEvent(
    store,
    identityId,
    {
      type: 'AssignmentRevocationAcknowledged',
      data: { assignmentId, identityId, operationId: `revoke.${assignmentId}`, acknowledgedAt: at },
    },
    at,
  );
}

export interface ScriptedApproval {
  readonly by: string;
  readonly comment: string;
  readonly at: string;
}

/**
 * A request for the assignment's entitlement approved step by step (one approver per step), then
 * granted as `assignmentId` (or, for an extension, naming the assignment it extends).
 */
export async function approvedRequest(
  store: EventStore,
  request: {
    readonly requestId: string;
    readonly subjectEmployeeNumber: string;
    readonly assignment: ScriptedAssignment;
    readonly requestedAt: string;
    readonly approvals: readonly ScriptedApproval[];
    readonly extension?: boolean;
  },
): Promise<void> {
  const { requestId, subjectEmployeeNumber, assignment, requestedAt, approvals } = request;
  const { identityId, applicationId, entitlementKey, assignmentId } = assignment;
  const record = (event: AccessRequestEvent, at: string) => recordRequestEvent(store, requestId, event, at);
  await record(
    {
      type: 'AccessRequested',
      data: {
        requestId,
        identityId,
        subjectEmployeeNumber,
        requesterEmployeeNumber: subjectEmployeeNumber,
        applicationId,
        entitlementKey,
        justification: `${requestId}: incident work`,
        requestedDurationHours: 2,
        breakGlass: false,
        extensionOf: request.extension ? { requestId: assignment.source.reference, assignmentId } : null,
        decision: allowedDecision(),
        chain: approvals.map((approval) => step([approval.by])),
        requestedAt,
      },
    },
    requestedAt,
  );
  let openedAt = requestedAt;
  for (const [stepIndex, approval] of approvals.entries()) {
    const by: RequestParty = { kind: 'person', employeeNumber: approval.by };
    await record(
      {
        type: 'ApprovalStepOpened',
        data: { requestId, stepIndex, approvers: [approval.by], toAdministrators: false, escalatesAt: null, openedAt },
      },
      openedAt,
    );
    await record(
      { type: 'ApprovalGiven', data: { requestId, stepIndex, by, comment: approval.comment, approvedAt: approval.at } },
      approval.at,
    );
    openedAt = approval.at;
  }
  await record(
    {
      type: 'AccessRequestApproved',
      data: { requestId, identityId, how: 'approvals', reasons: [], grantedDurationHours: 2, approvedAt: openedAt },
    },
    openedAt,
  );
  if (request.extension) return;
  await record(
    {
      type: 'AccessGranted',
      data: { requestId, identityId, assignmentId, breakGlass: false, applicationId, entitlementKey, grantedAt: openedAt },
    },
    openedAt,
  );
}
