import type { AccessRequest, ApprovalStep } from '../api/types';
import { formatHours } from '../parse/duration';
import { table } from './table';
import { formatInstant } from './time';

/** The person's requests, newest first. */
export function requestsLines(requests: readonly AccessRequest[], now: Date): string[] {
  if (requests.length === 0) return ['You have made no access requests.'];
  return table(
    ['ID', 'ENTITLEMENT', 'STATUS', 'FOR', 'REQUESTED', 'WAITING FOR'],
    requests.map((request) => [
      request.id,
      `${request.applicationId}/${request.entitlementKey}`,
      request.status.toLowerCase().replace(/_/g, ' '),
      duration(request),
      formatInstant(request.requestedAt, now),
      request.status === 'PENDING' ? waitingFor(request) : '-',
    ]),
  );
}

/** Requests waiting for the person's approval, oldest first. */
export function approvalsLines(requests: readonly AccessRequest[], now: Date): string[] {
  if (requests.length === 0) return ['Nothing waits for your approval.'];
  const lines = table(
    ['ID', 'FOR', 'ENTITLEMENT', 'DURATION', 'RISK', 'REQUESTED', 'STEP'],
    requests.map((request) => [
      request.id,
      request.subjectEmployeeNumber,
      `${request.applicationId}/${request.entitlementKey}`,
      duration(request),
      request.risk?.toLowerCase() ?? '-',
      formatInstant(request.requestedAt, now),
      openStep(request)?.description ?? '-',
    ]),
  );
  lines.push('', 'Approve with `tenure approve <id> --comment "..."`, deny with `tenure deny <id> --comment "..."`.');
  return lines;
}

/** One request in full, after it was made or decided. */
export function requestLines(request: AccessRequest, now: Date): string[] {
  const lines = [
    `Request ${request.id}: ${request.applicationId}/${request.entitlementKey} for ${request.subjectEmployeeNumber}`,
    `  status:    ${request.status.toLowerCase().replace(/_/g, ' ')}`,
    `  duration:  ${duration(request)}`,
    `  reason:    ${request.justification}`,
    `  requested: ${formatInstant(request.requestedAt, now)} by ${request.requesterEmployeeNumber}`,
  ];
  for (const step of request.steps) lines.push(`  step ${step.index + 1}:    ${stepLine(step)}`);
  if (request.denial) lines.push(`  denied by: ${party(request.denial.by)}: ${request.denial.comment || '(no comment)'}`);
  if (request.failureReason) lines.push(`  failed:    ${request.failureReason}`);
  if (request.cancellation) lines.push(`  cancelled: ${request.cancellation}`);
  if (request.status === 'REFUSED') for (const reason of request.decisionReasons) lines.push(`    - ${reason}`);
  return lines;
}

function stepLine(step: ApprovalStep): string {
  const head = `${step.description}: `;
  switch (step.status) {
    case 'OPEN':
      return `${head}open, waiting for ${step.toAdministrators ? 'administrators' : step.approvers.join(', ') || '-'}`;
    case 'APPROVED': {
      const by = step.approvals.map((approval) => `${party(approval.by)}${approval.comment ? ` ("${approval.comment}")` : ''}`);
      return `${head}approved by ${by.join(', ') || '-'}`;
    }
    case 'WAITING':
      return `${head}after the step before`;
    case 'DENIED':
      return `${head}denied`;
    case 'CLOSED':
      return `${head}closed`;
  }
}

function openStep(request: AccessRequest): ApprovalStep | undefined {
  return request.steps.find((step) => step.status === 'OPEN');
}

function waitingFor(request: AccessRequest): string {
  const step = openStep(request);
  if (!step) return '-';
  return step.toAdministrators ? 'administrators' : step.approvers.join(', ');
}

function duration(request: AccessRequest): string {
  const hours = request.grantedDurationHours ?? request.requestedDurationHours;
  return hours === null ? 'no end' : formatHours(hours);
}

function party(by: { kind: string; employeeNumber: string | null }): string {
  return by.employeeNumber ?? by.kind.toLowerCase();
}
