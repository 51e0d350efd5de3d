import { ENTERPRISE_USER_SCHEMA } from './scim-resources';
import { changeOperations, toTargetAccount } from './scim-user-mapping';

describe('SCIM user mapping', () => {
  it('given some changed attributes, when turned into PATCH operations, then each replaces its own path and nothing else', () => {
    expect(changeOperations({ givenName: 'Grace', email: 'grace@example.com', employeeNumber: 'E-7' })).toEqual([
      { op: 'replace', path: 'name.givenName', value: 'Grace' },
      { op: 'replace', path: 'emails', value: [{ value: 'grace@example.com', type: 'work', primary: true }] },
      { op: 'replace', path: `${ENTERPRISE_USER_SCHEMA}:employeeNumber`, value: 'E-7' },
    ]);
    expect(changeOperations({})).toEqual([]);
  });

  it('given a SCIM user with several emails and no active flag, when read, then the primary email is used and the user counts as enabled', () => {
    const account = toTargetAccount({
      id: '42',
      userName: 'grace',
      emails: [{ value: 'home@example.com' }, { value: 'work@example.com', primary: true }],
    });

    expect(account).toEqual({
      accountId: '42',
      userName: 'grace',
      enabled: true,
      displayName: null,
      email: 'work@example.com',
      employeeNumber: null,
    });
  });
});
