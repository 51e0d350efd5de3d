import type { AssignmentSource } from '@tenure/contracts';
import { deciderSpec } from '@tenure/testing';
import type { AddAssignment, AssignmentsCommand } from './assignments.commands';
import { assignmentsDecider } from './assignments.decider';
import type { AssignmentAdded, AssignmentRevoked, AssignmentsEvent } from './assignments.events';

const spec = deciderSpec(assignmentsDecider);

const IDENTITY = 'identity-1';
const BIRTHRIGHT: AssignmentSource = { kind: 'birthright', reference: 'everyone', policyVersion: 1 };
const MONDAY = '2026-05-11T08:00:00.000Z';
const TUESDAY = '2026-05-12T08:00:00.000Z';

const add = (assignmentId: string, entitlementKey: string, overrides: Partial<AddAssignment['data']> = {}): AssignmentsCommand => ({
  type: 'AddAssignment',
  data: {
    assignmentId,
    identityId: IDENTITY,
    applicationId: 'mail',
    entitlementKey,
    source: BIRTHRIGHT,
    validFrom: MONDAY,
    validUntil: null,
    durationMs: null,
    sodBlocking: [],
    ...overrides,
  },
});
const added = (assignmentId: string, entitlementKey: string, overrides: Partial<AddAssignment['data']> = {}): AssignmentAdded => {
  const { sodBlocking: _checked, ...data } = (add(assignmentId, entitlementKey, overrides) as AddAssignment).data;
  return { type: 'AssignmentAdded', data };
};
const revoked = (assignmentId: string, entitlementKey: string, reason: AssignmentRevoked['data']['reason']): AssignmentRevoked => ({
  type: 'AssignmentRevoked',
  data: { assignmentId, identityId: IDENTITY, applicationId: 'mail', entitlementKey, reason, revokedAt: TUESDAY },
});
const terminate = (identityRevision: number): AssignmentsCommand => ({
  type: 'MarkIdentityTerminated',
  data: { identityId: IDENTITY, identityRevision, terminatedAt: TUESDAY },
});
const terminated = (identityRevision: number): AssignmentsEvent => ({
  type: 'IdentityMarkedTerminated',
  data: { identityId: IDENTITY, identityRevision, terminatedAt: TUESDAY },
});
const rehire = (identityRevision: number): AssignmentsCommand => ({
  type: 'MarkIdentityRehired',
  data: { identityId: IDENTITY, identityRevision, rehiredAt: TUESDAY },
});
const rehired = (identityRevision: number): AssignmentsEvent => ({
  type: 'IdentityMarkedRehired',
  data: { identityId: IDENTITY, identityRevision, rehiredAt: TUESDAY },
});

describe('assignments of one identity: adding', () => {
  it('given nothing assigned, when an entitlement is added, then it is assigned with its source and validity', () => {
    spec
      .given([])
      .when(add('a1', 'mailbox', { validUntil: TUESDAY }))
      .then([added('a1', 'mailbox', { validUntil: TUESDAY })]);
  });

  it('given the entitlement assigned and in force, when it is added again under another id, then it is a conflict', () => {
    spec
      .given([added('a1', 'mailbox')])
      .when(add('a2', 'mailbox', { source: { kind: 'request', reference: 'request-7', policyVersion: 1 } }))
      .thenThrows({ code: 'conflict', message: 'mail/mailbox is already assigned (assignment a1, birthright)' });
  });

  it('given the same entitlement in another application, when it is added, then it is a different assignment', () => {
    spec
      .given([added('a1', 'mailbox')])
      .when(add('a2', 'mailbox', { applicationId: 'archive' }))
      .then([added('a2', 'mailbox', { applicationId: 'archive' })]);
  });

  it('given the entitlement was revoked, when it is added again, then it is assigned again under the new id', () => {
    spec
      .given([added('a1', 'mailbox'), revoked('a1', 'mailbox', 'no-longer-birthright')])
      .when(add('a2', 'mailbox'))
      .then([added('a2', 'mailbox')]);
  });

  it('given an assignment, when the very same command is repeated (a retry), then nothing more is recorded', () => {
    spec
      .given([added('a1', 'mailbox')])
      .when(add('a1', 'mailbox'))
      .then([]);
  });

  it('given an assignment, when its id is reused for another entitlement, then it is a conflict', () => {
    spec
      .given([added('a1', 'mailbox')])
      .when(add('a1', 'calendar'))
      .thenThrows({ code: 'conflict' });
  });

  it('given a validity that ends before it starts, when it is added, then it is refused as invalid', () => {
    spec
      .given([])
      .when(add('a1', 'mailbox', { validFrom: TUESDAY, validUntil: MONDAY }))
      .thenThrows({ code: 'validation' });
  });

  it('given an empty entitlement key, when it is added, then it is refused as invalid', () => {
    spec.given([]).when(add('a1', ' ')).thenThrows({ code: 'validation' });
  });

  it('given assignments of one identity, when an assignment for another identity is added there, then it is refused', () => {
    spec
      .given([added('a1', 'mailbox')])
      .when(add('a2', 'calendar', { identityId: 'identity-2' }))
      .thenThrows({ code: 'validation' });
  });
});

describe('assignments of one identity: revoking', () => {
  it('given an assignment in force, when it is revoked, then the revocation names the entitlement and the reason', () => {
    spec
      .given([added('a1', 'mailbox')])
      .when({ type: 'RevokeAssignment', data: { assignmentId: 'a1', reason: 'no-longer-birthright', revokedAt: TUESDAY } })
      .then([revoked('a1', 'mailbox', 'no-longer-birthright')]);
  });

  it('given a revoked assignment, when it is revoked again, then it is an illegal state', () => {
    spec
      .given([added('a1', 'mailbox'), revoked('a1', 'mailbox', 'expired')])
      .when({ type: 'RevokeAssignment', data: { assignmentId: 'a1', reason: 'administrator', revokedAt: TUESDAY } })
      .thenThrows({ code: 'illegal_state' });
  });

  it('given no such assignment, when it is revoked, then it is not found', () => {
    spec
      .given([added('a1', 'mailbox')])
      .when({ type: 'RevokeAssignment', data: { assignmentId: 'a9', reason: 'administrator', revokedAt: TUESDAY } })
      .thenThrows({ code: 'not_found' });
  });
});

describe('assignments of one identity: leaver and rehire', () => {
  it('given assignments in force and one revoked, when the identity is terminated, then every one in force is revoked as leaver, then it is marked', () => {
    spec
      .given([added('a1', 'mailbox'), added('a2', 'calendar'), added('a3', 'archive'), revoked('a3', 'archive', 'expired')])
      .when(terminate(4))
      .then([revoked('a1', 'mailbox', 'leaver'), revoked('a2', 'calendar', 'leaver'), terminated(4)]);
  });

  it('given a terminated identity, when anything is added, then it is refused: nothing is assigned to a terminated identity', () => {
    spec
      .given([added('a1', 'mailbox'), revoked('a1', 'mailbox', 'leaver'), terminated(4)])
      .when(add('a2', 'mailbox'))
      .thenThrows({ code: 'illegal_state' });
  });

  it('given a termination applied, when the same termination (or an older lifecycle event) is read again, then nothing is recorded', () => {
    spec
      .given([added('a1', 'mailbox'), revoked('a1', 'mailbox', 'leaver'), terminated(4)])
      .when(terminate(4))
      .then([]);
    spec
      .given([terminated(4), rehired(6)])
      .when(terminate(4))
      .then([]);
  });

  it('given a terminated identity, when it is rehired, then the termination is lifted and entitlements can be added again', () => {
    spec
      .given([terminated(4)])
      .when(rehire(5))
      .then([rehired(5)]);
    spec
      .given([added('a1', 'mailbox'), revoked('a1', 'mailbox', 'leaver'), terminated(4), rehired(5)])
      .when(add('a2', 'mailbox'))
      .then([added('a2', 'mailbox')]);
  });

  it('given an identity never terminated here, when a rehire arrives, then there is nothing to lift', () => {
    spec
      .given([added('a1', 'mailbox')])
      .when(rehire(5))
      .then([]);
  });
});
