import { type PublishedKillSwitchPlanned, type PublishedManualTaskOpened, type PublishedOperationOutcome } from '@tenure/contracts';
import type { RecordedEvent } from '@tenure/event-sourcing';
import type { AccessRequestEvent } from '../../domain/requests';
import type { ReviewCampaignEvent } from '../../domain/reviews';
import type { AssignmentRevocationAcknowledged, AssignmentsEvent } from '../../domain/assignments';
import type { NotificationTrigger, RequestSummary } from '../../domain/notifications';
import { assignmentById } from '../../read-model/workflow-assignments/workflow-assignments.queries';
import { accessRequestById } from '../../read-model/workflow-requests';
import type { Queryable } from '../../read-model/queryable';
import { personByIdentity } from './notification-directory';

// From an event in the log to what the notification planner decides on, reading workflow's read
// models (which the process waits for before each batch).

/** The events whose answer may be a notification. */
export const NOTIFYING_EVENT_TYPES = [
  'ApprovalStepOpened',
  'ApprovalStepEscalated',
  'ApprovalStepReassigned',
  'AccessGranted',
  'AccessRequestDenied',
  'AccessFulfilmentFailed',
  'AccessRequestCancelled',
  'ReviewCampaignStarted',
  'ReviewItemReassigned',
  'ReviewRemindersSent',
  'ManualTaskOpened',
  // What may complete a leaver run (the last revocation or account disable, or the plan itself).
  'AccountDisabled',
  'EntitlementRevoked',
  'OperationFailed',
  'KillSwitchPlanned',
  'AssignmentRevocationAcknowledged',
  'AssignmentProvisioningFailed',
  'IdentityMarkedTerminated',
] as const;

const OPERATION_OUTCOMES = new Set(['AccountDisabled', 'EntitlementRevoked', 'OperationFailed']);

/** Grants and account creations are most of the operation traffic and complete no leaver run. */
export function mayNotify(event: RecordedEvent): boolean {
  if (!OPERATION_OUTCOMES.has(event.type)) return true;
  const action = (event.data as PublishedOperationOutcome['data']).action;
  return action === 'disable-account' || action === 'revoke';
}

/** `notBefore`: leaver runs that ended earlier are not news (an old run of someone rehired and leaving again). */
export async function triggersOf(db: Queryable, event: RecordedEvent, notBefore: Date): Promise<NotificationTrigger[]> {
  const type = event.type;
  if (type === 'ManualTaskOpened') {
    const { taskId, applicationId, ownerEmployeeNumber, dueAt } = (event as RecordedEvent<PublishedManualTaskOpened>).data;
    return [{ type: 'manual-task-opened', taskId, applicationId, ownerEmployeeNumber, dueAt }];
  }
  if (OPERATION_OUTCOMES.has(type) || type === 'KillSwitchPlanned') {
    const { identityId } = (event as RecordedEvent<PublishedOperationOutcome | PublishedKillSwitchPlanned>).data;
    return leaverRunsCompleted(db, identityId, notBefore);
  }
  if (type.startsWith('Review')) return reviewTriggers(db, event as unknown as RecordedEvent<ReviewCampaignEvent>);
  if (type.startsWith('Assignment') || type === 'IdentityMarkedTerminated') {
    const { identityId } = (event as unknown as RecordedEvent<AssignmentsEvent>).data;
    const ended = type === 'AssignmentRevocationAcknowledged' ? await accessExpired(db, event, notBefore) : [];
    return [...ended, ...(await leaverRunsCompleted(db, identityId, notBefore))];
  }
  return requestTriggers(db, event as unknown as RecordedEvent<AccessRequestEvent>);
}

async function requestTriggers(db: Queryable, recorded: RecordedEvent<AccessRequestEvent>): Promise<NotificationTrigger[]> {
  const event = { type: recorded.type, data: recorded.data } as AccessRequestEvent;
  const known = await accessRequestById(db, event.data.requestId);
  if (!known) return [];
  const request: RequestSummary = {
    requestId: known.requestId,
    requesterEmployeeNumber: known.requesterEmployeeNumber,
    subjectEmployeeNumber: known.subjectEmployeeNumber,
    applicationId: known.applicationId,
    entitlementKey: known.entitlementKey,
    justification: known.justification,
  };
  switch (event.type) {
    case 'ApprovalStepOpened':
    case 'ApprovalStepEscalated':
    case 'ApprovalStepReassigned': {
      const { stepIndex, approvers, toAdministrators } = event.data;
      // An event read again after the step was decided must not ask for a decision already made.
      if (known.status !== 'pending' || known.steps[stepIndex]?.status !== 'open') return [];
      return [{ type: 'approval-step-opened', request, stepIndex, approvers, toAdministrators }];
    }
    case 'AccessGranted':
      return [{ type: 'request-decided', request, outcome: 'granted', byEmployeeNumber: null, comment: null }];
    case 'AccessRequestDenied':
      return [
        {
          type: 'request-decided',
          request,
          outcome: 'denied',
          byEmployeeNumber: personOf(event.data.by),
          comment: event.data.comment || null,
        },
      ];
    case 'AccessFulfilmentFailed':
      return [{ type: 'request-decided', request, outcome: 'failed', byEmployeeNumber: null, comment: event.data.reason }];
    case 'AccessRequestCancelled':
      // A leaver's requests are cancelled with the leaver: their manager hears of the leaver, not of each request.
      if (event.data.cause === 'leaver') return [];
      return [
        { type: 'request-decided', request, outcome: 'cancelled', byEmployeeNumber: personOf(event.data.by), comment: event.data.reason },
      ];
    default:
      return [];
  }
}

async function reviewTriggers(db: Queryable, recorded: RecordedEvent<ReviewCampaignEvent>): Promise<NotificationTrigger[]> {
  const event = { type: recorded.type, data: recorded.data } as ReviewCampaignEvent;
  switch (event.type) {
    case 'ReviewCampaignStarted': {
      const { campaignId, name, deadline, items } = event.data;
      return [{ type: 'review-campaign-started', campaignId, campaignName: name, deadline, reviewers: items.map((item) => item.reviewer) }];
    }
    case 'ReviewItemReassigned': {
      const campaign = await campaignOf(db, event.data.campaignId);
      if (!campaign || campaign.status !== 'open') return [];
      return [
        {
          type: 'review-campaign-started',
          campaignId: event.data.campaignId,
          campaignName: campaign.name,
          deadline: campaign.deadline,
          reviewers: [event.data.to],
        },
      ];
    }
    case 'ReviewRemindersSent': {
      const { campaignId, dueAt, reviewers } = event.data;
      const campaign = await campaignOf(db, campaignId);
      if (!campaign) return [];
      return [{ type: 'review-reminders-sent', campaignId, campaignName: campaign.name, deadline: campaign.deadline, dueAt, reviewers }];
    }
    default:
      return [];
  }
}

/** A time-bound grant that expired, once the application confirmed it is gone: its holder is told. */
async function accessExpired(db: Queryable, recorded: RecordedEvent, notBefore: Date): Promise<NotificationTrigger[]> {
  const { assignmentId, identityId, acknowledgedAt } = (recorded as RecordedEvent<AssignmentRevocationAcknowledged>).data;
  if (new Date(acknowledgedAt) < notBefore) return [];
  const assignment = await assignmentById(db, assignmentId);
  if (assignment?.revocationReason !== 'expired') return [];
  const holder = await personByIdentity(db, identityId);
  if (!holder) return [];
  return [
    {
      type: 'access-expired',
      assignmentId,
      holderEmployeeNumber: holder.employeeNumber,
      applicationId: assignment.applicationId,
      entitlementKey: assignment.entitlementKey,
      removedAt: acknowledgedAt,
    },
  ];
}

/** The leaver runs of this identity that have ended; each is notified once (its id is the notification's). */
async function leaverRunsCompleted(db: Queryable, identityId: string, notBefore: Date): Promise<NotificationTrigger[]> {
  const { rows } = await db.query<{ run_id: string; status: 'completed' | 'completed-with-failures'; completed_at: Date }>(
    `SELECT run_id, status, completed_at FROM workflow_jml_runs
      WHERE identity_id = $1 AND kind = 'leaver' AND status <> 'in-progress' AND completed_at >= $2 ORDER BY started_at`,
    [identityId, notBefore],
  );
  if (rows.length === 0) return [];
  const leaver = await personByIdentity(db, identityId);
  if (!leaver) return [];
  return rows.map((row) => ({
    type: 'leaver-run-completed',
    runId: row.run_id,
    leaverEmployeeNumber: leaver.employeeNumber,
    managerEmployeeNumber: leaver.managerEmployeeNumber,
    status: row.status,
    completedAt: row.completed_at.toISOString(),
  }));
}

async function campaignOf(db: Queryable, campaignId: string): Promise<{ name: string; deadline: string; status: string } | null> {
  const { rows } = await db.query<{ name: string; deadline: Date; status: string }>(
    'SELECT name, deadline, status FROM workflow_review_campaigns WHERE campaign_id = $1',
    [campaignId],
  );
  const row = rows[0];
  return row ? { name: row.name, deadline: row.deadline.toISOString(), status: row.status } : null;
}

function personOf(party: { readonly kind: string; readonly employeeNumber?: string }): string | null {
  return party.kind === 'person' && party.employeeNumber ? party.employeeNumber : null;
}
