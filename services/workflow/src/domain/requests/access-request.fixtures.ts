import type { AccessRequestCommand, RequestAccess } from './access-request.commands';
import type { AccessRequestEvent, AccessRequested, PlannedStep, RecordedDecision, RequestParty } from './access-request.events';

// Test data for the access request decider: subject 1002 reports to manager 1001 (who reports to 1000).

export const REQUEST_ID = 'request-1';
export const SUBJECT = '1002';
export const MANAGER = '1001';
export const T0 = '2026-06-01T08:00:00.000Z';
export const T1 = '2026-06-01T09:00:00.000Z';
export const T2 = '2026-06-01T10:00:00.000Z';
export const ESCALATION_MS = 48 * 3_600_000;
export const at = (iso: string, plusMs: number) => new Date(Date.parse(iso) + plusMs).toISOString();

export const person = (employeeNumber: string): RequestParty => ({ kind: 'person', employeeNumber });
export const ADMINISTRATOR: RequestParty = { kind: 'administrator' };

export const allowedDecision = (overrides: Partial<RecordedDecision> = {}): RecordedDecision => ({
  policyVersion: 3,
  policyId: 'production',
  policyName: 'Production access',
  allowed: true,
  reasons: ['Access policy "Production access" (production) applies.'],
  risk: 'high',
  maxDurationHours: 8,
  grantedDurationHours: 4,
  autoApproved: false,
  autoApprovalReasons: ['The access policy has no auto-approval: people approve.'],
  breakGlass: false,
  sodConflicts: [],
  ...overrides,
});

export const step = (approvers: readonly string[], overrides: Partial<PlannedStep> = {}): PlannedStep => ({
  kind: 'manager',
  description: `the subject's manager (${approvers.join(', ')})`,
  group: null,
  requiredApprovals: 1,
  approvers,
  toAdministrators: approvers.length === 0,
  ...overrides,
});

export const request = (overrides: Partial<RequestAccess['data']> = {}): RequestAccess => ({
  type: 'RequestAccess',
  data: {
    requestId: REQUEST_ID,
    identityId: `identity-${SUBJECT}`,
    subjectEmployeeNumber: SUBJECT,
    requesterEmployeeNumber: SUBJECT,
    applicationId: 'aws',
    entitlementKey: 'prod-admin',
    justification: 'incident 42',
    requestedDurationHours: 4,
    breakGlass: false,
    extensionOf: null,
    decision: allowedDecision(),
    chain: [step([MANAGER])],
    breakGlassMaxHours: 4,
    escalationMs: ESCALATION_MS,
    requestedAt: T0,
    ...overrides,
  },
});

/** The event the command records first. */
export const requested = (command: RequestAccess = request()): AccessRequested => {
  const { breakGlassMaxHours: _cap, escalationMs: _escalation, ...data } = command.data;
  return { type: 'AccessRequested', data };
};

export const opened = (stepIndex: number, approvers: readonly string[], openedAt = T0): AccessRequestEvent => ({
  type: 'ApprovalStepOpened',
  data: {
    requestId: REQUEST_ID,
    stepIndex,
    approvers,
    toAdministrators: approvers.length === 0,
    escalatesAt: approvers.length === 0 ? null : at(openedAt, ESCALATION_MS),
    openedAt,
  },
});

export const approve = (by: RequestParty, managers: Record<string, string | null> = {}, approvedAt = T1): AccessRequestCommand => ({
  type: 'ApproveRequest',
  data: { by, comment: 'ok', escalationMs: ESCALATION_MS, managers, approvedAt },
});

export const given = (stepIndex: number, by: RequestParty, approvedAt = T1): AccessRequestEvent => ({
  type: 'ApprovalGiven',
  data: { requestId: REQUEST_ID, stepIndex, by, comment: 'ok', approvedAt },
});

export const approvedBy = (
  how: 'approvals' | 'auto' | 'break-glass' | 'no-approval-required',
  reasons: readonly string[],
  hours: number | null,
  approvedAt = T1,
): AccessRequestEvent => ({
  type: 'AccessRequestApproved',
  data: { requestId: REQUEST_ID, identityId: `identity-${SUBJECT}`, how, reasons, grantedDurationHours: hours, approvedAt },
});

export const granted = (assignmentId = 'assignment-1', breakGlass = false): AccessRequestEvent => ({
  type: 'AccessGranted',
  data: {
    requestId: REQUEST_ID,
    identityId: `identity-${SUBJECT}`,
    assignmentId,
    breakGlass,
    applicationId: 'aws',
    entitlementKey: 'prod-admin',
    grantedAt: T2,
  },
});
