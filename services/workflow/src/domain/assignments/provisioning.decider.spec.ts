import type { AssignmentSource } from '@tenure/contracts';
import { deciderSpec } from '@tenure/testing';
import { decideExpiry } from './assignment-expiry';
import type { AddAssignment, AssignmentsCommand, RecordAssignmentBlocked } from './assignments.commands';
import { assignmentsDecider } from './assignments.decider';
import type { AssignmentsEvent, SodBlock } from './assignments.events';

const spec = deciderSpec(assignmentsDecider);
const IDENTITY = 'identity-1';
const REQUEST: AssignmentSource = { kind: 'request', reference: 'request-1', policyVersion: 1 };
const NINE = '2026-06-01T09:00:00.000Z';
const NINE_FIVE = '2026-06-01T09:05:00.000Z';
const TEN_FIVE = '2026-06-01T10:05:00.000Z';
const HOUR = 3_600_000;
const RULE: SodBlock = { ruleId: 'sod-1', ruleName: 'Create and approve vendors', explanation: 'holds erp/approve-vendor' };

const addData = (overrides: Partial<AddAssignment['data']> = {}): AddAssignment['data'] => ({
  assignmentId: 'a1',
  identityId: IDENTITY,
  applicationId: 'erp',
  entitlementKey: 'create-vendor',
  source: REQUEST,
  validFrom: NINE,
  validUntil: null,
  durationMs: HOUR,
  sodBlocking: [],
  ...overrides,
});
const add = (overrides: Partial<AddAssignment['data']> = {}): AssignmentsCommand => ({ type: 'AddAssignment', data: addData(overrides) });
const added = (overrides: Partial<AddAssignment['data']> = {}): AssignmentsEvent => {
  const { sodBlocking: _checked, ...data } = addData(overrides);
  return { type: 'AssignmentAdded', data };
};
const provisioned = (validUntil: string | null = TEN_FIVE): AssignmentsEvent => ({
  type: 'AssignmentProvisioned',
  data: { assignmentId: 'a1', identityId: IDENTITY, operationId: 'grant.a1', acknowledgedAt: NINE_FIVE, validUntil },
});
const revoked: AssignmentsEvent = {
  type: 'AssignmentRevoked',
  data: {
    assignmentId: 'a1',
    identityId: IDENTITY,
    applicationId: 'erp',
    entitlementKey: 'create-vendor',
    reason: 'expired',
    revokedAt: TEN_FIVE,
  },
};
const acknowledge: AssignmentsCommand = {
  type: 'AcknowledgeProvisioning',
  data: { assignmentId: 'a1', operationId: 'grant.a1', acknowledgedAt: NINE_FIVE },
};
const acknowledgeRevocation: AssignmentsCommand = {
  type: 'AcknowledgeRevocation',
  data: { assignmentId: 'a1', operationId: 'revoke.a1', acknowledgedAt: TEN_FIVE },
};
const failure = (action: 'grant' | 'revoke'): AssignmentsCommand => ({
  type: 'RecordProvisioningFailure',
  data: { assignmentId: 'a1', operationId: `${action}.a1`, action, errorKind: 'rejected', message: 'no', failedAt: NINE_FIVE },
});
const failed = (action: 'grant' | 'revoke'): AssignmentsEvent => ({
  type: 'AssignmentProvisioningFailed',
  data: {
    assignmentId: 'a1',
    identityId: IDENTITY,
    operationId: `${action}.a1`,
    action,
    errorKind: 'rejected',
    message: 'no',
    failedAt: NINE_FIVE,
  },
});
const extend = (requestId: string): AssignmentsCommand => ({
  type: 'ExtendAssignment',
  data: { assignmentId: 'a1', additionalMs: HOUR, requestId, extendedAt: TEN_FIVE },
});
const block = (rules: readonly SodBlock[] = [RULE]): RecordAssignmentBlocked => ({
  type: 'RecordAssignmentBlocked',
  data: { identityId: IDENTITY, applicationId: 'erp', entitlementKey: 'create-vendor', source: REQUEST, rules, blockedAt: NINE },
});
const blocked = (rules: readonly SodBlock[] = [RULE]): AssignmentsEvent => ({
  type: 'AssignmentBlocked',
  data: block(rules).data,
});

describe('assignments: adding with a duration and the SoD check', () => {
  it('given nothing, when a grant for an hour is added, then it is recorded with its duration and no end yet', () => {
    spec.given([]).when(add()).then([added()]);
  });

  it('given blocking SoD violations, when the entitlement is added, then it is a conflict naming the rules', () => {
    spec
      .given([])
      .when(add({ sodBlocking: [RULE] }))
      .thenThrows({
        code: 'conflict',
        message: 'erp/create-vendor would break blocking separation-of-duties rules: Create and approve vendors (sod-1)',
      });
  });

  it('given a duration that is not a positive whole number, when added, then it is invalid', () => {
    spec
      .given([])
      .when(add({ durationMs: 0 }))
      .thenThrows({ code: 'validation' });
  });
});

describe('assignments: provisioning acknowledged, failed', () => {
  it('given a grant for an hour pending, when acknowledged, then it is active until an hour after the acknowledgement', () => {
    spec
      .given([added()])
      .when(acknowledge)
      .then([provisioned(TEN_FIVE)]);
  });

  it('given a grant without a duration, when acknowledged, then its end stays as it was', () => {
    spec
      .given([added({ durationMs: null })])
      .when(acknowledge)
      .then([provisioned(null)]);
  });

  it('given an active assignment, when the grant is acknowledged again, then nothing more is recorded', () => {
    spec.given([added(), provisioned()]).when(acknowledge).then([]);
  });

  it('given an assignment revoked before its grant was acknowledged, when the grant is acknowledged, then no clock starts', () => {
    spec.given([added(), revoked]).when(acknowledge).then([]);
  });

  it('given a pending grant, when it fails, then the failure is recorded; the same failure again records nothing', () => {
    spec
      .given([added()])
      .when(failure('grant'))
      .then([failed('grant')]);
    spec
      .given([added(), failed('grant')])
      .when(failure('grant'))
      .then([]);
  });

  it('given a failed grant, when it is acknowledged later, then it is provisioned', () => {
    spec
      .given([added(), failed('grant')])
      .when(acknowledge)
      .then([provisioned()]);
  });

  it('given an active assignment, when a grant failure arrives late, then nothing is recorded', () => {
    spec.given([added(), provisioned()]).when(failure('grant')).then([]);
  });

  it('given a revocation under way, when the revoke fails, then the failure is recorded on it', () => {
    spec
      .given([added(), provisioned(), revoked])
      .when(failure('revoke'))
      .then([failed('revoke')]);
  });

  it('given a revocation under way, when it is acknowledged, then it is revoked; again, nothing more', () => {
    const acknowledged: AssignmentsEvent = {
      type: 'AssignmentRevocationAcknowledged',
      data: { assignmentId: 'a1', identityId: IDENTITY, operationId: 'revoke.a1', acknowledgedAt: TEN_FIVE },
    };
    spec.given([added(), provisioned(), revoked]).when(acknowledgeRevocation).then([acknowledged]);
    spec.given([added(), provisioned(), revoked, acknowledged]).when(acknowledgeRevocation).then([]);
  });

  it('given an assignment held, when a revocation is acknowledged, then it is an illegal state', () => {
    spec.given([added(), provisioned()]).when(acknowledgeRevocation).thenThrows({ code: 'illegal_state' });
  });

  it('given no such assignment, when an acknowledgement arrives, then it is not found', () => {
    spec.given([]).when(acknowledge).thenThrows({ code: 'not_found' });
  });

  it('given a revocation under way, when it is revoked again, then it is an illegal state', () => {
    spec
      .given([added(), revoked])
      .when({ type: 'RevokeAssignment', data: { assignmentId: 'a1', reason: 'administrator', revokedAt: TEN_FIVE } })
      .thenThrows({ code: 'illegal_state' });
  });
});

describe('assignments: extension', () => {
  const extended: AssignmentsEvent = {
    type: 'AssignmentExtended',
    data: {
      assignmentId: 'a1',
      identityId: IDENTITY,
      validUntil: '2026-06-01T11:05:00.000Z',
      requestId: 'request-2',
      extendedAt: TEN_FIVE,
    },
  };

  it('given an active grant with an end, when extended by an hour, then it ends an hour later; the same request again records nothing', () => {
    spec.given([added(), provisioned()]).when(extend('request-2')).then([extended]);
    spec.given([added(), provisioned(), extended]).when(extend('request-2')).then([]);
  });

  it('given a grant pending provisioning, when extended, then it is an illegal state', () => {
    spec.given([added()]).when(extend('request-2')).thenThrows({ code: 'illegal_state' });
  });

  it('given an active assignment without an end, when extended, then it is an illegal state', () => {
    spec
      .given([added({ durationMs: null }), provisioned(null)])
      .when(extend('request-2'))
      .thenThrows({ code: 'illegal_state' });
  });

  it('given an extension of no time, when asked, then it is invalid', () => {
    spec
      .given([added(), provisioned()])
      .when({ type: 'ExtendAssignment', data: { assignmentId: 'a1', additionalMs: -1, requestId: 'r', extendedAt: TEN_FIVE } })
      .thenThrows({ code: 'validation' });
  });
});

describe('assignments: SoD blocks raised to administrators', () => {
  const other: SodBlock = { ruleId: 'sod-2', ruleName: 'Pay and approve', explanation: 'holds erp/pay' };

  it('given no block, when a block is recorded, then it is raised; while the same block stands, not again', () => {
    spec.given([]).when(block()).then([blocked()]);
    spec.given([blocked()]).when(block()).then([]);
  });

  it('given a block standing, when other rules block it, then it is raised again', () => {
    spec
      .given([blocked()])
      .when(block([RULE, other]))
      .then([blocked([RULE, other])]);
  });

  it('given a block that was lifted by an addition, when blocked again, then it is raised again', () => {
    spec.given([blocked(), added(), revoked]).when(block()).then([blocked()]);
  });

  it('given no rules, when a block is recorded, then it is invalid', () => {
    spec.given([]).when(block([])).thenThrows({ code: 'validation' });
  });
});

describe('assignments: expiry', () => {
  const state = (events: readonly AssignmentsEvent[]) => events.reduce(assignmentsDecider.evolve, assignmentsDecider.initialState());

  it('given an active grant at its end, when the timer fires, then it is revoked as expired', () => {
    expect(decideExpiry('a1', state([added(), provisioned()]), new Date(TEN_FIVE))).toEqual({
      kind: 'commands',
      commands: [{ type: 'RevokeAssignment', data: { assignmentId: 'a1', reason: 'expired', revokedAt: TEN_FIVE } }],
    });
  });

  it('given a grant extended or not due, already revoked, or without an end, when the timer fires, then nothing', () => {
    expect(decideExpiry('a1', state([added(), provisioned()]), new Date(NINE_FIVE))).toMatchObject({ kind: 'ignored' });
    expect(decideExpiry('a1', state([added(), provisioned(), revoked]), new Date(TEN_FIVE))).toMatchObject({ kind: 'ignored' });
    expect(decideExpiry('a1', state([added({ durationMs: null }), provisioned(null)]), new Date(TEN_FIVE))).toMatchObject({
      kind: 'ignored',
    });
    expect(decideExpiry('a9', state([]), new Date(TEN_FIVE))).toMatchObject({ kind: 'ignored' });
  });
});
