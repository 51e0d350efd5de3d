import { randomUUID } from 'node:crypto';
import {
  applicationStreamId,
  assignmentsStreamId,
  operationStreamId,
  type AssignmentRevocationReason,
  type OperationAction,
} from '@tenure/contracts';
import type { EventStore } from '@tenure/event-sourcing';
import type { OperationCause } from '../domain/operation';
import { reconciliationRunStreamId } from '../reconciliation/reconciliation-streams';

// The events the compliance reports fold, appended as their producers record them, at known
// instants: workflow's assignments, the identity service's terminations, the connector's
// applications, operations and reconciliation runs.

const SERVICE = { kind: 'service', id: 'reports-test' } as const;

async function append(store: EventStore, streamId: string, type: string, data: object, occurredAt: string, eventId = randomUUID()) {
  await store.appendToStream(streamId, [
    { type, data, metadata: { eventId, correlationId: 'reports-test', causationId: null, actor: SERVICE, occurredAt } },
  ]);
}

const later = (at: string, seconds: number) => new Date(new Date(at).getTime() + seconds * 1000).toISOString();

export async function registerApplication(
  store: EventStore,
  applicationId: string,
  licenseCost: { amountPerMonth: number; currency: string } | null,
  at: string,
): Promise<void> {
  await append(
    store,
    applicationStreamId(applicationId),
    'ApplicationRegistered',
    {
      applicationId,
      name: `${applicationId} (test)`,
      connectorType: 'manual',
      settings: {},
      credentialNames: [],
      sealedCredentials: null,
      ownerEmployeeNumber: '1',
      enabled: true,
      registeredAt: at,
    },
    at,
  );
  if (licenseCost)
    await append(store, applicationStreamId(applicationId), 'ApplicationLicenseCostSet', { applicationId, licenseCost, setAt: at }, at);
}

export interface ScriptedAssignment {
  readonly assignmentId: string;
  readonly identityId: string;
  readonly applicationId: string;
  readonly entitlementKey: string;
}

export async function assignmentAdded(store: EventStore, assignment: ScriptedAssignment, at: string): Promise<void> {
  const data = { ...assignment, source: { kind: 'request', reference: 'r-1', policyVersion: null }, validFrom: at, validUntil: null };
  await append(store, assignmentsStreamId(assignment.identityId), 'AssignmentAdded', data, at);
}

export async function assignmentRevoked(
  store: EventStore,
  assignment: ScriptedAssignment,
  reason: AssignmentRevocationReason,
  at: string,
): Promise<void> {
  await append(store, assignmentsStreamId(assignment.identityId), 'AssignmentRevoked', { ...assignment, reason, revokedAt: at }, at);
}

/** Appends the termination; returns its event id, which the leaver's disable operations name as their cause. */
export async function terminated(store: EventStore, identityId: string, employeeNumber: string, at: string): Promise<string> {
  const eventId = randomUUID();
  const data = { identityId, employeeNumber, terminationDate: at.slice(0, 10), lifecycle: 'leaver' };
  await append(store, `identity-${employeeNumber}`, 'IdentityTerminated', data, at, eventId);
  return eventId;
}

export interface ScriptedOperation {
  readonly operationId: string;
  readonly action: OperationAction;
  readonly applicationId: string;
  readonly identityId: string;
  readonly userName: string;
  readonly cause: OperationCause;
  readonly assignmentId?: string;
  readonly entitlementKey?: string;
}

/** The operation requested `requestedAt`, then its steps acknowledged `after` seconds after `decidedAt` (none: still waiting). */
export async function operation(
  store: EventStore,
  scripted: ScriptedOperation,
  decidedAt: string,
  acknowledged: { readonly after: number; readonly steps: readonly string[] } | null,
): Promise<void> {
  const { operationId, action, applicationId, identityId, userName, cause } = scripted;
  const ref = {
    operationId,
    action,
    applicationId,
    identityId,
    assignmentId: scripted.assignmentId ?? null,
    entitlementKey: scripted.entitlementKey ?? null,
  };
  const requestedAt = later(decidedAt, 0.1);
  const priority = cause.kind === 'termination' ? 'leaver' : 'routine';
  await append(store, operationStreamId(operationId), 'OperationRequested', { ...ref, priority, cause, requestedAt }, requestedAt);
  if (!acknowledged) return;
  const completedAt = later(decidedAt, acknowledged.after);
  for (const step of acknowledged.steps) {
    await append(
      store,
      operationStreamId(operationId),
      step,
      { ...ref, userName, completedAt, via: 'connector', completedBy: null, note: null },
      completedAt,
    );
  }
}

/** A reconciliation run that found these orphaned accounts (and a missing grant, which is not one). */
export async function orphansFound(store: EventStore, applicationId: string, userNames: readonly string[], at: string): Promise<void> {
  const runId = randomUUID();
  const finding = (kind: string, userName: string, entitlementKey: string | null) => ({
    driftId: randomUUID().replaceAll('-', ''),
    applicationId,
    kind,
    userName,
    entitlementKey,
    occurrence: 1,
    firstSeen: true,
    identityId: null,
    employeeNumber: null,
    identityStatus: null,
    accountEnabled: true,
    assignmentId: null,
    reason: 'no identity has the user name or employee number of this account',
    differences: [],
    remediation: { kind: 'flag', reason: 'the application only flags drift' },
  });
  const drift = [...userNames.map((userName) => finding('orphaned-account', userName, null)), finding('missing-grant', 'p1', 'member')];
  await append(store, reconciliationRunStreamId(runId), 'DriftDetected', { runId, applicationId, drift, detectedAt: at }, at);
}
