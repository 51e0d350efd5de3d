import { actorKindOf, contextOfStream, policyVersionOf, reasonOf, summaryOf } from './audit-trail-entry';

describe('audit trail entries', () => {
  it('given streams of each context, when classified, then each is named by its context', () => {
    expect(['identity-10040', 'policy-set', 'assignments-x', 'operation-op-1', 'something-else'].map(contextOfStream)).toEqual([
      'identity',
      'policy',
      'workflow',
      'connector',
      'platform',
    ]);
  });

  it('given the administrator API token’s actor, when classified, then it is the token, not a person', () => {
    expect(actorKindOf({ kind: 'person', id: 'admin-token' })).toBe('administrator-token');
    expect(actorKindOf({ kind: 'person', id: '10040' })).toBe('person');
    expect(actorKindOf({ kind: 'hr-feed', id: 'nightly-csv' })).toBe('hr-feed');
  });

  it('given events with a reason, a comment or refusal reasons, when read, then that is the reason; none otherwise', () => {
    expect(reasonOf({ streamId: 'assignments-x', type: 'AssignmentRevoked', data: { reason: 'leaver' } })).toBe('leaver');
    expect(reasonOf({ streamId: 'review-campaign-c', type: 'ReviewItemDecided', data: { comment: 'Not needed' } })).toBe('Not needed');
    expect(reasonOf({ streamId: 'access-request-r', type: 'AccessRequestRefused', data: { reasons: ['SoD', 'Expired'] } })).toBe(
      'SoD; Expired',
    );
    expect(reasonOf({ streamId: 'review-campaign-c', type: 'ReviewItemDecided', data: { comment: '' } })).toBeNull();
  });

  it('given a source decided by a policy, a violation, or a publication, when read, then the policy version is found', () => {
    expect(policyVersionOf({ streamId: 'a', type: 'AssignmentAdded', data: { source: { kind: 'birthright', policyVersion: 7 } } })).toBe(7);
    expect(policyVersionOf({ streamId: 'a', type: 'SodViolationDetected', data: { policyVersion: 2 } })).toBe(2);
    expect(policyVersionOf({ streamId: 'policy-set', type: 'PolicyPublished', data: { version: 9 } })).toBe(9);
    expect(policyVersionOf({ streamId: 'a', type: 'AssignmentRevoked', data: { reason: 'review' } })).toBeNull();
  });

  it('given events the summary knows and one it does not, when summarised, then each reads as one line', () => {
    expect(
      summaryOf({ streamId: 'a', type: 'AssignmentRevoked', data: { applicationId: 'github', entitlementKey: 'admin', reason: 'review' } }),
    ).toBe('Revoked github / admin (review)');
    expect(summaryOf({ streamId: 'o', type: 'OperationRequested', data: { action: 'create-account', applicationId: 'erp' } })).toBe(
      'Create account requested in erp',
    );
    expect(summaryOf({ streamId: 'o', type: 'EntitlementRevoked', data: { applicationId: 'github', entitlementKey: 'admin' } })).toBe(
      'Entitlement revoked: github / admin',
    );
  });
});
