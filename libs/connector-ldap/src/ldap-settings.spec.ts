import { ConnectorError } from '@tenure/connector-sdk';
import { bindPassword, parseLdapSettings } from './ldap-settings';

const minimal = {
  url: 'ldap://127.0.0.1:389',
  bindDn: 'cn=tenure,dc=example,dc=com',
  bindPasswordSecret: 'ldap',
  usersBase: 'ou=people,dc=example,dc=com',
  groupsBase: 'ou=groups,dc=example,dc=com',
};

describe('LDAP connector settings', () => {
  it('given the required settings only, when parsed, then the documented defaults apply', () => {
    expect(parseLdapSettings(minimal)).toEqual({
      ...minimal,
      identityIdAttribute: 'description',
      disable: { method: 'password-prefix', prefix: '{DISABLED}' },
      operationTimeoutMs: 10_000,
      connectTimeoutMs: 5_000,
      listingIdleTimeoutMs: 300_000,
      maxOpenListings: 8,
    });
  });

  it('given a disable method, when parsed, then ppolicy needs nothing more and a prefix must look like a scheme tag', () => {
    expect(parseLdapSettings({ ...minimal, disable: { method: 'ppolicy' } }).disable).toEqual({ method: 'ppolicy' });
    expect(() => parseLdapSettings({ ...minimal, disable: { method: 'password-prefix', prefix: '!' } })).toThrow(/scheme tag/);
    expect(() => parseLdapSettings({ ...minimal, disable: { method: 'move' } })).toThrow(ConnectorError);
  });

  it('given the identity id in an attribute the connector writes itself, when parsed, then it is refused', () => {
    expect(() => parseLdapSettings({ ...minimal, identityIdAttribute: 'mail' })).toThrow(/identityIdAttribute/);
    expect(parseLdapSettings({ ...minimal, identityIdAttribute: 'employeeType' }).identityIdAttribute).toBe('employeeType');
  });

  it('given a URL that is not LDAP, when parsed, then it is invalid', () => {
    expect(() => parseLdapSettings({ ...minimal, url: 'https://ldap.example.com' })).toThrow(expect.objectContaining({ kind: 'invalid' }));
    expect(parseLdapSettings({ ...minimal, url: 'ldaps://ldap.example.com:636' }).url).toBe('ldaps://ldap.example.com:636');
  });

  it('given the secret is missing, when the password is resolved, then the error names the secret and not a value', () => {
    const settings = parseLdapSettings(minimal);

    expect(() => bindPassword(settings, {})).toThrow('the LDAP connector needs the secret "ldap", which is not configured');
    expect(bindPassword(settings, { ldap: 's3cret' })).toBe('s3cret');
  });
});
