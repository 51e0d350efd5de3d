import { contractAccountSpec, TestUserNames } from './contract-accounts';

describe('contract test accounts', () => {
  it('given a prefix, when tests take user names, then no test name starts with another test scope', () => {
    const names = new TestUserNames('ctab');
    const scopes = Array.from({ length: 12 }, () => names.scope());
    const taken = scopes.map((scope) => [scope.next(), scope.next()]);

    expect(taken[0]).toEqual(['ctab1x1', 'ctab1x2']);
    scopes.forEach((scope, i) => {
      taken.forEach((userNames, j) => {
        for (const userName of userNames) expect(scope.owns(userName)).toBe(i === j);
      });
    });
  });

  it('given a user name, when building a spec, then every attribute is filled and overrides win', () => {
    const spec = contractAccountSpec('ctab1x1', { email: 'someone@example.test' });

    expect(spec).toMatchObject({ userName: 'ctab1x1', email: 'someone@example.test', givenName: 'Contract' });
    expect(spec.identityId).toMatch(/^[0-9a-f-]{36}$/);
    expect(spec.employeeNumber).toMatch(/^E\d{9}$/);
    expect(spec.displayName).toContain('ctab1x1');
  });
});
