import { referencesIn, subjectsOf, type EventSubject, type SubjectReference } from './event-subjects';

const nothingKnown = () => undefined;

describe('subjectsOf', () => {
  it('given an assignment event, when read, then it concerns the identity, the application and the entitlement, and teaches the assignment', () => {
    const found = subjectsOf(
      {
        streamId: 'assignments-id-1',
        data: {
          assignmentId: 'asg-1',
          identityId: 'id-1',
          applicationId: 'github',
          entitlementKey: 'admin',
          source: { kind: 'birthright' },
        },
      },
      nothingKnown,
    );

    expect(found.subjects).toEqual([
      { identityId: 'id-1', applicationId: null, entitlementKey: null },
      { identityId: 'id-1', applicationId: 'github', entitlementKey: 'admin' },
    ]);
    expect(found.learned).toEqual([
      { reference: { kind: 'assignment', id: 'asg-1' }, subject: { identityId: 'id-1', applicationId: 'github', entitlementKey: 'admin' } },
    ]);
  });

  it('given a review decision naming only the assignment, when the assignment is known, then it concerns its entitlement', () => {
    const known = new Map<string, EventSubject>([
      ['assignment:asg-1', { identityId: 'id-1', applicationId: 'github', entitlementKey: 'admin' }],
    ]);
    const lookup = (reference: SubjectReference) => known.get(`${reference.kind}:${reference.id}`);

    const found = subjectsOf(
      {
        streamId: 'review-campaign-c1',
        data: { campaignId: 'c1', itemId: 'i1', assignmentId: 'asg-1', identityId: 'id-1', decision: 'revoke' },
      },
      lookup,
    );

    expect(found.subjects).toEqual([{ identityId: 'id-1', applicationId: 'github', entitlementKey: 'admin' }]);
  });

  it('given a campaign with nested items, when read, then each item is a subject and a review item reference is scoped by its campaign', () => {
    const data = {
      campaignId: 'c1',
      items: [
        {
          itemId: 'i1',
          assignmentId: 'asg-1',
          identityId: 'id-1',
          applicationId: 'github',
          entitlementKey: 'admin',
          reviewer: { kind: 'person', employeeNumber: '7' },
        },
        {
          itemId: 'i2',
          assignmentId: 'asg-2',
          identityId: 'id-2',
          applicationId: 'jira',
          entitlementKey: 'user',
          reviewer: { kind: 'administrators' },
        },
      ],
    };

    const found = subjectsOf({ streamId: 'review-campaign-c1', data }, nothingKnown);

    expect(found.subjects).toEqual([
      { identityId: 'id-1', applicationId: 'github', entitlementKey: 'admin' },
      { identityId: 'id-2', applicationId: 'jira', entitlementKey: 'user' },
    ]);
    expect(referencesIn({ streamId: 'review-campaign-c1', data })).toContainEqual({ kind: 'review-item', id: 'c1/i2' });
  });

  it('given a catalog event, when read, then its `key` is the entitlement of the stream’s application', () => {
    const found = subjectsOf(
      { streamId: 'catalog-github', data: { applicationId: 'github', key: 'admin', displayName: 'Admin' } },
      nothingKnown,
    );

    expect(found.subjects).toEqual([
      { identityId: null, applicationId: 'github', entitlementKey: null },
      { identityId: null, applicationId: 'github', entitlementKey: 'admin' },
    ]);
  });

  it('given an event about no identity or application, when read, then it concerns nothing', () => {
    expect(subjectsOf({ streamId: 'policy-set', data: { version: 4, policy: { rules: [] } } }, nothingKnown).subjects).toEqual([]);
  });
});
