import type { AccessRequestRow, RequestAssignment, RequestParty } from '../data/my-requests';
import { formatHours, humanize } from '../format';

/** One moment in a request's life, oldest first. */
export interface HistoryEntry {
  at: string;
  title: string;
  details: string[];
}

export type Names = ReadonlyMap<string, string>;

/** "Priya Shah (10007)", or the number alone when the name is unknown. */
export function personName(employeeNumber: string, names: Names): string {
  const name = names.get(employeeNumber);
  return name ? `${name} (${employeeNumber})` : employeeNumber;
}

export function partyName(party: RequestParty, names: Names): string {
  if (party.kind === 'ADMINISTRATOR')
    return party.employeeNumber ? `${personName(party.employeeNumber, names)}, as administrator` : 'An administrator';
  if (party.kind === 'PROCESS') return 'Tenure (automatically)';
  return party.employeeNumber ? personName(party.employeeNumber, names) : 'Someone';
}

/** Whether the requester or the person it is for can still cancel it (granted access is then revoked). */
export function canCancel(request: AccessRequestRow, assignment: RequestAssignment | undefined): boolean {
  if (request.status === 'PENDING' || request.status === 'APPROVED') return true;
  return (
    request.status === 'GRANTED' && (assignment === undefined || (assignment.status !== 'REVOKED' && assignment.status !== 'REVOKING'))
  );
}

/** Whether more time can be asked for: granted, for a duration, and the access still held. */
export function canExtend(request: AccessRequestRow, assignment: RequestAssignment | undefined): assignment is RequestAssignment {
  if (request.status !== 'GRANTED' || !request.assignmentId || !assignment) return false;
  const held = assignment.status === 'ACTIVE' || assignment.status === 'PENDING_PROVISIONING';
  return held && (assignment.validUntil !== null || assignment.durationMs !== null);
}

/** Every employee number a request names (requester, subject, approvers, who approved), to look their names up. */
export function peopleIn(request: AccessRequestRow): string[] {
  const numbers = [request.requesterEmployeeNumber, request.subjectEmployeeNumber];
  for (const step of request.steps) {
    numbers.push(...step.approvers);
    for (const approval of step.approvals) if (approval.by.employeeNumber) numbers.push(approval.by.employeeNumber);
  }
  if (request.denial?.by.employeeNumber) numbers.push(request.denial.by.employeeNumber);
  return numbers;
}

/** The request's history, oldest first: asked, policy's decision, each step's opening, approvals and outcome, grant, end. */
export function requestHistory(request: AccessRequestRow, names: Names): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  const forWhom =
    request.subjectEmployeeNumber === request.requesterEmployeeNumber ? '' : ` for ${personName(request.subjectEmployeeNumber, names)}`;
  entries.push({
    at: request.requestedAt,
    title: `${request.breakGlass ? 'Break-glass access requested' : 'Requested'} by ${personName(request.requesterEmployeeNumber, names)}${forWhom}`,
    details: [
      `Justification: ${request.justification}`,
      `Duration asked: ${formatHours(request.requestedDurationHours)}`,
      ...(request.extendsAssignmentId ? [`Extends assignment ${request.extendsAssignmentId}`] : []),
    ],
  });
  entries.push({
    at: request.requestedAt,
    title:
      request.status === 'REFUSED'
        ? 'Refused by policy'
        : `Policy allowed it${request.policyVersion === null ? '' : ` (version ${request.policyVersion})`}`,
    details: [
      ...request.decisionReasons,
      ...request.sodConflicts.map((conflict) => `Separation of duties, ${conflict.ruleName}: ${conflict.explanation}`),
    ],
  });

  for (const step of request.steps) {
    const label = `Step ${step.index + 1}: ${step.description}`;
    if (step.openedAt) {
      const who = step.toAdministrators ? 'administrators' : step.approvers.map((number) => personName(number, names)).join(', ');
      entries.push({
        at: step.openedAt,
        title: `${label} opened`,
        details: [
          `Waiting for ${step.requiredApprovals > 1 ? `${step.requiredApprovals} approvals from ` : ''}${who || 'an approver'}`,
          ...(step.escalations > 0 ? [`Escalated ${step.escalations} ${step.escalations === 1 ? 'time' : 'times'}`] : []),
        ],
      });
    }
    for (const approval of step.approvals) {
      entries.push({
        at: approval.at,
        title: `${label}: approved by ${partyName(approval.by, names)}`,
        details: approval.comment ? [`“${approval.comment}”`] : [],
      });
    }
    if (step.decidedAt && step.status === 'DENIED') entries.push(deniedEntry(request, step.index, step.decidedAt, label, names));
  }

  if (request.approvedHow && request.approvedHow !== 'APPROVALS' && request.decidedAt) {
    entries.push({
      at: request.decidedAt,
      title: `Approved: ${humanize(request.approvedHow).toLowerCase()}`,
      details: request.approvalReasons,
    });
  }
  if (request.grantedAt)
    entries.push({ at: request.grantedAt, title: `Granted for ${formatHours(request.grantedDurationHours)}`, details: [] });
  if (request.closedAt) {
    const details = [request.cancellation, request.failureReason].filter((text): text is string => Boolean(text));
    entries.push({ at: request.closedAt, title: closedTitle(request), details });
  }
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}

/** The denied step: who denied it and their comment, from the request's denial when it names this step. */
function deniedEntry(request: AccessRequestRow, stepIndex: number, at: string, label: string, names: Names): HistoryEntry {
  const denial = request.denial?.stepIndex === stepIndex ? request.denial : null;
  if (!denial) return { at, title: `${label}: denied`, details: [] };
  return { at, title: `${label}: denied by ${partyName(denial.by, names)}`, details: denial.comment ? [`“${denial.comment}”`] : [] };
}

function closedTitle(request: AccessRequestRow): string {
  switch (request.status) {
    case 'CANCELLED':
      return 'Cancelled';
    case 'DENIED':
      return 'Closed: denied';
    case 'FULFILMENT_FAILED':
      return 'Closed: the access could not be given';
    case 'REFUSED':
      return 'Closed: refused by policy';
    default:
      return 'Closed';
  }
}
