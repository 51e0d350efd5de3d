import { foldIdentityEvent } from './identity-events';

describe('folding published identity events', () => {
  it('given no hire yet, when a change arrives, then there is still nothing to show', () => {
    expect(foldIdentityEvent(null, { type: 'IdentityMoved', data: { identityId: 'i1', after: { title: 'Lead' } } })).toBeNull();
  });

  it('given an identity, when an event of an unpublished type arrives, then the snapshot is unchanged', () => {
    const snapshot = foldIdentityEvent(null, {
      type: 'IdentityHired',
      data: {
        identityId: 'i1',
        employeeNumber: '1001',
        startDate: '2026-01-05',
        attributes: {
          givenName: 'Ada',
          familyName: 'Lovelace',
          email: 'ada@example.com',
          department: 'Engineering',
          title: 'Engineer',
          managerEmployeeNumber: null,
          location: 'London',
          costCenter: 'CC-1',
          employmentType: 'employee',
          custom: {},
        },
      },
    });

    expect(foldIdentityEvent(snapshot, { type: 'AttributeChangeScheduled', data: {} })).toBe(snapshot);
    expect(snapshot).toMatchObject({ status: 'pre-hire', employeeNumber: '1001' });
  });
});
