import { CliError, ExitCode } from '../exit-codes';
import { formatEntitlementRef, parseEntitlementRef } from './entitlement-ref';

describe('entitlements on the command line', () => {
  test('given application/key, when parsed, then it names the application and the key', () => {
    expect(parseEntitlementRef('aws-production/viewer')).toEqual({ applicationId: 'aws-production', entitlementKey: 'viewer' });
  });

  test('given the catalog id form application:key, when parsed, then it is the same entitlement', () => {
    expect(parseEntitlementRef('aws-production:viewer')).toEqual({ applicationId: 'aws-production', entitlementKey: 'viewer' });
  });

  test('given a key that holds separators itself, when parsed, then only the first one splits', () => {
    expect(parseEntitlementRef('ldap/cn=admins,ou=groups')).toEqual({ applicationId: 'ldap', entitlementKey: 'cn=admins,ou=groups' });
    expect(parseEntitlementRef('aws/arn:aws:iam::1:role/x')).toEqual({ applicationId: 'aws', entitlementKey: 'arn:aws:iam::1:role/x' });
  });

  test.each(['viewer', '/viewer', 'aws-production/', '', ' / '])(
    'given "%s", when parsed, then it is a usage error that shows the form',
    (text) => {
      let error: unknown;
      try {
        parseEntitlementRef(text);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).exitCode).toBe(ExitCode.USAGE);
      expect((error as CliError).message).toContain('application/entitlement, e.g. aws-production/viewer');
    },
  );

  test('given an entitlement, when written back, then it is application/key', () => {
    expect(formatEntitlementRef({ applicationId: 'github', entitlementKey: 'org-member' })).toBe('github/org-member');
  });
});
