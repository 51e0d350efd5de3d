import type { PublishedDriftAdopted, PublishedOperationOutcome, OperationAction } from '@tenure/contracts';
import { assignmentsDecider, type AssignmentAdded, type AssignmentsEvent, type AssignmentsState } from '../assignments';
import type { ProcessOutcome } from '../process-outcome';
import { decideDriftAdoption, decideOperationOutcome } from './provisioning-tracking';

const IDENTITY = 'identity-1';
const NINE = '2026-06-01T09:00:00.000Z';
const NINE_FIVE = '2026-06-01T09:05:00.000Z';
const TEN_FIVE = '2026-06-01T10:05:00.000Z';
const HOUR = 3_600_000;

// Given the assignments' events, when the connector's outcome (or an adoption) is read, then the
// process decides these commands (or ignores it), and the decider records these events for them.

function stateOf(events: readonly AssignmentsEvent[]): AssignmentsState {
  return events.reduce(assignmentsDecider.evolve, assignmentsDecider.initialState());
}

/** The events the decided commands record, as the AssignmentsWriter would append them. */
function recorded(outcome: ProcessOutcome, state: AssignmentsState): AssignmentsEvent[] {
  if (outcome.kind === 'ignored') return [];
  const events: AssignmentsEvent[] = [];
  let current = state;
  for (const command of outcome.commands) {
    const decided = assignmentsDecider.decide(command, current);
    events.push(...decided);
    current = decided.reduce(assignmentsDecider.evolve, current);
  }
  return events;
}

const added = (overrides: Partial<AssignmentAdded['data']> = {}): AssignmentsEvent => ({
  type: 'AssignmentAdded',
  data: {
    assignmentId: 'a1',
    identityId: IDENTITY,
    applicationId: 'erp',
    entitlementKey: 'create-vendor',
    source: { kind: 'request', reference: 'request-1', policyVersion: 1 },
    validFrom: NINE,
    validUntil: null,
    durationMs: HOUR,
    ...overrides,
  },
});
const provisioned: AssignmentsEvent = {
  type: 'AssignmentProvisioned',
  data: { assignmentId: 'a1', identityId: IDENTITY, operationId: 'grant.a1', acknowledgedAt: NINE_FIVE, validUntil: TEN_FIVE },
};
const revoked = (reason: 'expired' | 'leaver' = 'expired'): AssignmentsEvent => ({
  type: 'AssignmentRevoked',
  data: { assignmentId: 'a1', identityId: IDENTITY, applicationId: 'erp', entitlementKey: 'create-vendor', reason, revokedAt: TEN_FIVE },
});
const revocationAcknowledged: AssignmentsEvent = {
  type: 'AssignmentRevocationAcknowledged',
  data: { assignmentId: 'a1', identityId: IDENTITY, operationId: 'revoke.a1', acknowledgedAt: TEN_FIVE },
};
const terminated: AssignmentsEvent = {
  type: 'IdentityMarkedTerminated',
  data: { identityId: IDENTITY, identityRevision: 3, terminatedAt: TEN_FIVE },
};
const rehired: AssignmentsEvent = {
  type: 'IdentityMarkedRehired',
  data: { identityId: IDENTITY, identityRevision: 4, rehiredAt: TEN_FIVE },
};
const grantFailedEvent = (failedAt = NINE_FIVE): AssignmentsEvent => ({
  type: 'AssignmentProvisioningFailed',
  data: {
    assignmentId: 'a1',
    identityId: IDENTITY,
    operationId: 'grant.a1',
    action: 'grant',
    errorKind: 'rejected',
    message: 'the target said no',
    failedAt,
  },
});

const ref = (action: OperationAction, assignmentId: string | null = 'a1') => ({
  operationId: `${action}.${assignmentId ?? 'account'}`,
  action,
  applicationId: 'erp',
  identityId: IDENTITY,
  assignmentId,
  entitlementKey: assignmentId ? 'create-vendor' : null,
});
const succeeded = (
  type: 'EntitlementGranted' | 'EntitlementRevoked' | 'AccountDisabled',
  action: OperationAction,
  completedAt: string,
  assignmentId: string | null = 'a1',
): PublishedOperationOutcome => ({
  type,
  data: { ...ref(action, assignmentId), userName: 'jdoe', completedAt, via: 'connector' },
});
const granted = (completedAt = NINE_FIVE) => succeeded('EntitlementGranted', 'grant', completedAt);
const revokeAcknowledged = (completedAt = TEN_FIVE) => succeeded('EntitlementRevoked', 'revoke', completedAt);
const operationFailed = (action: OperationAction, failedAt = NINE_FIVE, assignmentId: string | null = 'a1'): PublishedOperationOutcome => ({
  type: 'OperationFailed',
  data: { ...ref(action, assignmentId), errorKind: 'rejected', message: 'the target said no', attempts: 3, failedAt },
});

describe('decideOperationOutcome: a grant acknowledged', () => {
  it('given a grant for an hour pending, when the connector acknowledges it, then it is provisioned until an hour after the acknowledgement', () => {
    const state = stateOf([added()]);

    const outcome = decideOperationOutcome(granted(), state);

    expect(outcome).toEqual({
      kind: 'commands',
      commands: [{ type: 'AcknowledgeProvisioning', data: { assignmentId: 'a1', operationId: 'grant.a1', acknowledgedAt: NINE_FIVE } }],
    });
    expect(recorded(outcome, state)).toEqual([provisioned]);
  });

  it('given a grant without a duration, when acknowledged, then it is provisioned with the end it had', () => {
    const state = stateOf([added({ durationMs: null, validUntil: '2026-12-31T00:00:00.000Z' })]);

    expect(recorded(decideOperationOutcome(granted(), state), state)).toEqual([
      { ...provisioned, data: { ...provisioned.data, validUntil: '2026-12-31T00:00:00.000Z' } },
    ]);
  });

  it('given an active assignment, when the same acknowledgement is read again, then it is ignored', () => {
    expect(decideOperationOutcome(granted(), stateOf([added(), provisioned]))).toEqual({
      kind: 'ignored',
      reason: 'grant acknowledged while active',
    });
  });

  it('given an assignment revoked before its grant was acknowledged, when the grant is acknowledged, then no clock starts', () => {
    const state = stateOf([added(), revoked('leaver')]);

    const outcome = decideOperationOutcome(granted(), state);

    expect(outcome).toEqual({ kind: 'ignored', reason: 'grant acknowledged while revoking' });
    expect(state.assignments['a1']).toMatchObject({ status: 'revoking', validUntil: null, acknowledgedAt: null });
  });
});

describe('decideOperationOutcome: a revocation acknowledged', () => {
  it('given a revocation under way, when the connector acknowledges it, then the revocation is acknowledged', () => {
    const state = stateOf([added(), provisioned, revoked()]);

    const outcome = decideOperationOutcome(revokeAcknowledged(), state);

    expect(outcome).toEqual({
      kind: 'commands',
      commands: [{ type: 'AcknowledgeRevocation', data: { assignmentId: 'a1', operationId: 'revoke.a1', acknowledgedAt: TEN_FIVE } }],
    });
    expect(recorded(outcome, state)).toEqual([revocationAcknowledged]);
  });

  it('given a revocation acknowledged already, when it is read again, then it is ignored', () => {
    expect(decideOperationOutcome(revokeAcknowledged(), stateOf([added(), provisioned, revoked(), revocationAcknowledged]))).toEqual({
      kind: 'ignored',
      reason: 'revocation acknowledged while revoked',
    });
  });

  it('given an assignment still held, when a revocation is acknowledged, then it is ignored', () => {
    expect(decideOperationOutcome(revokeAcknowledged(), stateOf([added(), provisioned]))).toMatchObject({ kind: 'ignored' });
  });
});

describe('decideOperationOutcome: failures', () => {
  it('given a pending grant, when the grant fails, then the failure is recorded and the assignment stays pending', () => {
    const state = stateOf([added()]);

    const outcome = decideOperationOutcome(operationFailed('grant'), state);
    const events = recorded(outcome, state);

    expect(outcome).toEqual({
      kind: 'commands',
      commands: [
        {
          type: 'RecordProvisioningFailure',
          data: {
            assignmentId: 'a1',
            operationId: 'grant.a1',
            action: 'grant',
            errorKind: 'rejected',
            message: 'the target said no',
            failedAt: NINE_FIVE,
          },
        },
      ],
    });
    expect(events).toEqual([grantFailedEvent()]);
    expect(stateOf([added(), ...events]).assignments['a1']).toMatchObject({
      status: 'pending-provisioning',
      lastFailure: { operationId: 'grant.a1', action: 'grant', failedAt: NINE_FIVE },
    });
  });

  it('given a failure recorded, when the same failure is read again, then it is ignored', () => {
    expect(decideOperationOutcome(operationFailed('grant'), stateOf([added(), grantFailedEvent()]))).toEqual({
      kind: 'ignored',
      reason: 'failure recorded already',
    });
  });

  it('given a failure recorded, when the retried grant fails again later, then the new failure is recorded', () => {
    const state = stateOf([added(), grantFailedEvent()]);

    expect(recorded(decideOperationOutcome(operationFailed('grant', TEN_FIVE), state), state)).toEqual([grantFailedEvent(TEN_FIVE)]);
  });

  it('given a failed grant, when a later retry succeeds, then it is provisioned and the failure is cleared', () => {
    const state = stateOf([added(), grantFailedEvent()]);

    const events = recorded(decideOperationOutcome(granted(TEN_FIVE), state), state);

    expect(events).toEqual([
      {
        type: 'AssignmentProvisioned',
        data: {
          assignmentId: 'a1',
          identityId: IDENTITY,
          operationId: 'grant.a1',
          acknowledgedAt: TEN_FIVE,
          validUntil: '2026-06-01T11:05:00.000Z',
        },
      },
    ]);
    expect(stateOf([added(), grantFailedEvent(), ...events]).assignments['a1']).toMatchObject({ status: 'active', lastFailure: null });
  });

  it('given a revocation under way, when the revoke fails, then the failure is recorded and the assignment stays revoking', () => {
    const state = stateOf([added(), provisioned, revoked()]);

    const events = recorded(decideOperationOutcome(operationFailed('revoke', TEN_FIVE), state), state);

    expect(events).toEqual([
      {
        type: 'AssignmentProvisioningFailed',
        data: expect.objectContaining({ assignmentId: 'a1', operationId: 'revoke.a1', action: 'revoke', failedAt: TEN_FIVE }),
      },
    ]);
    expect(stateOf([added(), provisioned, revoked(), ...events]).assignments['a1']?.status).toBe('revoking');
  });

  it('given an active assignment, when a grant failure arrives late, then it is ignored', () => {
    expect(decideOperationOutcome(operationFailed('grant'), stateOf([added(), provisioned]))).toEqual({
      kind: 'ignored',
      reason: 'grant failed while active',
    });
  });

  it('given an assignment, when account work naming it fails, then it is ignored: not assignment work', () => {
    expect(decideOperationOutcome(operationFailed('disable-account'), stateOf([added()]))).toEqual({
      kind: 'ignored',
      reason: 'disable-account is not assignment work',
    });
  });
});

describe('decideOperationOutcome: outcomes about nothing here', () => {
  it('given no such assignment, when its grant is acknowledged, then it is ignored', () => {
    expect(decideOperationOutcome(granted(), stateOf([]))).toEqual({ kind: 'ignored', reason: 'no assignment a1 here' });
  });

  it('given any assignments, when account work without an assignment succeeds, then it is ignored', () => {
    expect(decideOperationOutcome(succeeded('AccountDisabled', 'disable-account', NINE_FIVE, null), stateOf([added()]))).toEqual({
      kind: 'ignored',
      reason: 'account work, not an assignment',
    });
  });

  it('given an assignment, when an account outcome names it, then it changes no assignment', () => {
    expect(decideOperationOutcome(succeeded('AccountDisabled', 'disable-account', NINE_FIVE), stateOf([added()]))).toEqual({
      kind: 'ignored',
      reason: 'AccountDisabled changes no assignment',
    });
  });
});

const adoption = (adoptionId = 'drift-9:1', entitlementKey = 'approve-payment'): PublishedDriftAdopted => ({
  type: 'DriftAdopted',
  data: {
    adoptionId,
    driftId: adoptionId.split(':')[0]!,
    occurrence: 1,
    applicationId: 'erp',
    identityId: IDENTITY,
    employeeNumber: '1001',
    userName: 'jdoe',
    entitlementKey,
    detectedInRunId: 'run-1',
    decidedBy: 'policy',
    comment: null,
    adoptedAt: TEN_FIVE,
  },
});
const adopted = (assignmentId = 'a2', adoptionId = 'drift-9:1', entitlementKey = 'approve-payment'): AssignmentsEvent => ({
  type: 'AssignmentAdded',
  data: {
    assignmentId,
    identityId: IDENTITY,
    applicationId: 'erp',
    entitlementKey,
    source: { kind: 'adopted-drift', reference: adoptionId, policyVersion: null },
    validFrom: TEN_FIVE,
    validUntil: null,
    durationMs: null,
  },
});

describe('decideDriftAdoption', () => {
  it('given an identity without the entitlement, when a grant is adopted, then it becomes an assignment from adopted drift', () => {
    const state = stateOf([added()]);

    const outcome = decideDriftAdoption(adoption(), state, 'a2');

    expect(outcome).toEqual({
      kind: 'commands',
      commands: [{ type: 'AddAssignment', data: { ...adopted().data, sodBlocking: [] } }],
    });
    expect(recorded(outcome, state)).toEqual([adopted()]);
  });

  it('given an adoption turned into an assignment, when the same adoption is read again, then it is ignored', () => {
    expect(decideDriftAdoption(adoption(), stateOf([adopted()]), 'a3')).toEqual({
      kind: 'ignored',
      reason: 'adoption drift-9:1 made assignment a2 already',
    });
  });

  it('given an adopted assignment since revoked, when the same adoption is read again, then it is still ignored', () => {
    const revokedAdoption: AssignmentsEvent = {
      type: 'AssignmentRevoked',
      data: {
        assignmentId: 'a2',
        identityId: IDENTITY,
        applicationId: 'erp',
        entitlementKey: 'approve-payment',
        reason: 'review',
        revokedAt: TEN_FIVE,
      },
    };

    expect(decideDriftAdoption(adoption(), stateOf([adopted(), revokedAdoption]), 'a3')).toMatchObject({ kind: 'ignored' });
  });

  it('given a later occurrence of the same drift, when it is adopted, then it is a new assignment', () => {
    const revokedAdoption: AssignmentsEvent = {
      type: 'AssignmentRevoked',
      data: {
        assignmentId: 'a2',
        identityId: IDENTITY,
        applicationId: 'erp',
        entitlementKey: 'approve-payment',
        reason: 'review',
        revokedAt: TEN_FIVE,
      },
    };
    const state = stateOf([adopted(), revokedAdoption]);

    expect(recorded(decideDriftAdoption(adoption('drift-9:2'), state, 'a3'), state)).toEqual([adopted('a3', 'drift-9:2')]);
  });

  it('given a terminated identity, when a grant is adopted, then nothing is assigned', () => {
    expect(decideDriftAdoption(adoption(), stateOf([added(), revoked('leaver'), terminated]), 'a2')).toEqual({
      kind: 'ignored',
      reason: 'terminated: nothing is assigned to a leaver',
    });
  });

  it('given a rehired identity, when a grant is adopted, then it is assigned again', () => {
    const state = stateOf([added(), revoked('leaver'), terminated, rehired]);

    expect(recorded(decideDriftAdoption(adoption(), state, 'a2'), state)).toEqual([adopted()]);
  });

  it('given the entitlement held already from another source, when a grant of it is adopted, then it is ignored', () => {
    expect(decideDriftAdoption(adoption('drift-9:1', 'create-vendor'), stateOf([added()]), 'a2')).toEqual({
      kind: 'ignored',
      reason: 'already held (assignment a1, request)',
    });
  });
});
