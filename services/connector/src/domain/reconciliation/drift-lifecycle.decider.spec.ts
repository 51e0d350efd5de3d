import { deciderSpec } from '@tenure/testing';
import { driftIdOf } from './drift';
import type { DriftToRemediate } from './drift-lifecycle.commands';
import { driftLifecycleDecider } from './drift-lifecycle.decider';
import type { DriftLifecycleEvent } from './drift-lifecycle.events';

const now = new Date('2026-05-10T09:00:00Z');
const at = now.toISOString();
const spec = deciderSpec(driftLifecycleDecider);

const outsideGrant: DriftToRemediate = {
  applicationId: 'crm',
  kind: 'grant-outside-tenure',
  userName: 'jane',
  entitlementKey: 'admins',
  driftId: driftIdOf({ applicationId: 'crm', kind: 'grant-outside-tenure', userName: 'jane', entitlementKey: 'admins' }),
  occurrence: 1,
  identityId: 'id-jane',
  employeeNumber: '10001',
  identityStatus: 'active',
  accountEnabled: true,
  assignmentId: null,
  detectedInRunId: 'r1',
};
const id = outsideGrant.driftId;

const requested = (decidedBy: 'policy' | 'administrator', comment: string | null, occurrence = 1): DriftLifecycleEvent => ({
  type: 'DriftRemediationRequested',
  data: {
    driftId: id,
    occurrence,
    applicationId: 'crm',
    kind: 'grant-outside-tenure',
    userName: 'jane',
    entitlementKey: 'admins',
    identityId: 'id-jane',
    employeeNumber: '10001',
    assignmentId: null,
    operationId: `drift.${id}:${occurrence}`,
    action: 'revoke',
    priority: 'routine',
    detectedInRunId: 'r1',
    decidedBy,
    comment,
    requestedAt: at,
  },
});
const adopted: DriftLifecycleEvent = {
  type: 'DriftAdopted',
  data: {
    adoptionId: `${id}:1`,
    driftId: id,
    occurrence: 1,
    applicationId: 'crm',
    identityId: 'id-jane',
    employeeNumber: '10001',
    userName: 'jane',
    entitlementKey: 'admins',
    detectedInRunId: 'r1',
    decidedBy: 'administrator',
    comment: 'approved by the CRM owner',
    adoptedAt: at,
  },
};
const dismissed: DriftLifecycleEvent = {
  type: 'DriftDismissed',
  data: { driftId: id, occurrence: 1, applicationId: 'crm', comment: 'service account', dismissedAt: at },
};

const byPolicy = (plan: Parameters<typeof policy>[0], drift = outsideGrant) => policy(plan, drift);
function policy(
  plan: { kind: 'operation'; action: 'revoke'; priority: 'routine' } | { kind: 'adopt' } | { kind: 'flag'; reason: string },
  drift: DriftToRemediate,
) {
  return { type: 'RemediateDrift', data: { drift, decision: { by: 'policy', plan }, now } } as const;
}
const byAdministrator = (action: 'revoke' | 'adopt' | 'dismiss', comment: string, drift = outsideGrant) =>
  ({ type: 'RemediateDrift', data: { drift, decision: { by: 'administrator', action, comment }, now } }) as const;

describe('what is decided about a drift', () => {
  it('given a new drift, when the policy asks for an operation, then it is requested with an id made of the drift and its occurrence', () => {
    spec
      .given([])
      .when(byPolicy({ kind: 'operation', action: 'revoke', priority: 'routine' }))
      .then([requested('policy', null)]);
  });

  it('given a requested remediation, when the policy asks again for the same occurrence, then nothing more is recorded', () => {
    spec
      .given([requested('policy', null)])
      .when(byPolicy({ kind: 'operation', action: 'revoke', priority: 'routine' }))
      .then([]);
  });

  it('given a drift that came back, when the policy asks, then the new occurrence gets a new operation', () => {
    spec
      .given([requested('policy', null)])
      .when(byPolicy({ kind: 'operation', action: 'revoke', priority: 'routine' }, { ...outsideGrant, occurrence: 2 }))
      .then([requested('policy', null, 2)]);
  });

  it('given a flagged drift, when the policy decides, then nothing is recorded: it waits for an administrator', () => {
    spec
      .given([])
      .when(byPolicy({ kind: 'flag', reason: 'flag' }))
      .then([]);
  });

  it('given an open outside grant of an active identity, when an administrator adopts it, then DriftAdopted carries what the workflow needs', () => {
    spec.given([]).when(byAdministrator('adopt', ' approved by the CRM owner ')).then([adopted]);
  });

  it('given an orphaned account, a terminated identity or a missing grant, when adopted, then it is refused saying why', () => {
    const orphan = { ...outsideGrant, kind: 'orphaned-account' as const, entitlementKey: null, identityId: null, employeeNumber: null };
    spec
      .given([])
      .when(byAdministrator('adopt', 'why not', orphan))
      .thenThrows({ code: 'illegal_state', message: expect.stringContaining('only a grant made outside Tenure can be adopted') });
    spec
      .given([])
      .when(byAdministrator('adopt', 'why not', { ...outsideGrant, identityStatus: 'terminated' }))
      .thenThrows({ code: 'illegal_state', message: expect.stringContaining('a leaver’s access is never adopted') });
    spec
      .given([])
      .when(byAdministrator('adopt', 'why not', { ...outsideGrant, identityId: null }))
      .thenThrows({ code: 'illegal_state', message: expect.stringContaining('nobody to assign it to') });
  });

  it('given a disabled orphaned account, when an administrator revokes, then it is refused: Tenure does not delete accounts', () => {
    const disabledOrphan = { ...outsideGrant, kind: 'orphaned-account' as const, entitlementKey: null, accountEnabled: false };
    spec
      .given([])
      .when(byAdministrator('revoke', 'clean up', disabledOrphan))
      .thenThrows({ code: 'illegal_state', message: expect.stringContaining('does not delete accounts') });
  });

  it('given an enabled orphaned account of nobody, when an administrator revokes it, then the request names no employee (nothing to seal it under)', () => {
    const orphan = { ...outsideGrant, kind: 'orphaned-account' as const, entitlementKey: null, identityId: null, employeeNumber: null };
    const [event] = driftLifecycleDecider.decide(
      { type: 'RemediateDrift', data: { drift: orphan, decision: { by: 'administrator', action: 'revoke', comment: 'clean up' }, now } },
      driftLifecycleDecider.initialState(),
    );

    expect(event).toMatchObject({
      type: 'DriftRemediationRequested',
      data: { userName: 'jane', identityId: null, employeeNumber: null, action: 'disable-account' },
    });
  });

  it('given a drift, when an administrator acts without a comment, then it is refused', () => {
    spec
      .given([])
      .when(byAdministrator('dismiss', '  '))
      .thenThrows({ code: 'validation', details: { field: 'comment' } });
  });

  it('given a dismissed or adopted drift, when an administrator acts again, then it is refused naming what was done', () => {
    spec
      .given([dismissed])
      .when(byAdministrator('revoke', 'changed my mind'))
      .thenThrows({ code: 'illegal_state', message: expect.stringContaining('was already dismissed') });
    spec
      .given([adopted])
      .when(byAdministrator('dismiss', 'changed my mind'))
      .thenThrows({ code: 'illegal_state', message: expect.stringContaining('was already adopted') });
  });

  it('given a remediation that did not stick, when an administrator dismisses the drift, then it is dismissed', () => {
    spec
      .given([requested('policy', null)])
      .when(byAdministrator('dismiss', 'service account'))
      .then([dismissed]);
  });

  it('given a drift decided for a later occurrence, when an earlier one is acted on, then it is refused as stale', () => {
    spec
      .given([requested('policy', null, 2)])
      .when(byAdministrator('dismiss', 'old news'))
      .thenThrows({ code: 'illegal_state', message: expect.stringContaining('went away and came back') });
  });
});
