import {
  assignmentsStreamId,
  type AssignmentRevocationReason,
  type AssignmentSource,
  type PublishedAssignmentEvent,
} from '@tenure/contracts';
import { randomUUID } from 'node:crypto';
import type { EventStore } from '@tenure/event-sourcing';

/**
 * Assignment events as the workflow service publishes them (the @tenure/contracts shapes), appended
 * straight to `assignments-<identityId>` streams: how tests give the connector service a desired state.
 */
export interface TestAssignment {
  readonly assignmentId: string;
  readonly identityId: string;
  readonly applicationId: string;
  readonly entitlementKey: string;
  readonly source?: AssignmentSource;
  readonly validFrom?: string;
  readonly validUntil?: string | null;
}

export async function addAssignment(store: EventStore, assignment: TestAssignment): Promise<void> {
  const { assignmentId, identityId, applicationId, entitlementKey } = assignment;
  await appendAssignmentEvent(store, identityId, {
    type: 'AssignmentAdded',
    data: {
      assignmentId,
      identityId,
      applicationId,
      entitlementKey,
      source: assignment.source ?? { kind: 'birthright', reference: 'test-rule', policyVersion: 1 },
      validFrom: assignment.validFrom ?? '2026-01-05T00:00:00.000Z',
      validUntil: assignment.validUntil ?? null,
    },
  });
}

export async function revokeAssignment(
  store: EventStore,
  assignment: Pick<TestAssignment, 'assignmentId' | 'identityId' | 'applicationId' | 'entitlementKey'>,
  reason: AssignmentRevocationReason,
  revokedAt = '2026-05-10T08:00:00.000Z',
): Promise<void> {
  await appendAssignmentEvent(store, assignment.identityId, { type: 'AssignmentRevoked', data: { ...assignment, reason, revokedAt } });
}

async function appendAssignmentEvent(store: EventStore, identityId: string, event: PublishedAssignmentEvent): Promise<void> {
  await store.appendToStream(assignmentsStreamId(identityId), [
    {
      type: event.type,
      data: event.data,
      metadata: {
        eventId: randomUUID(),
        correlationId: 'test',
        causationId: null,
        actor: { kind: 'service', id: 'workflow-test' },
        occurredAt: '2026-05-10T08:00:00.000Z',
      },
    },
  ]);
}
