import { ConfigurationError } from '@tenure/platform';
import { DevelopmentOnlyError, loadDevIdentityProviderConfig } from './dev-identity-provider-config';

const ROOT = '/repo';

describe('development identity provider configuration', () => {
  test('given NODE_ENV=production, when the configuration is loaded, then the provider refuses to run and says what to use instead', () => {
    expect(() => loadDevIdentityProviderConfig({ NODE_ENV: 'production' }, ROOT)).toThrow(DevelopmentOnlyError);
    expect(() => loadDevIdentityProviderConfig({ NODE_ENV: 'production' }, ROOT)).toThrow(/NODE_ENV=production.*OIDC_ISSUER/s);
  });

  test('given no variables, when the configuration is loaded, then the documented development defaults apply', () => {
    const { options, logLevel } = loadDevIdentityProviderConfig({}, ROOT);

    expect(logLevel).toBe('info');
    expect(options).toEqual({
      issuer: 'http://localhost:4200',
      port: 4200,
      usersFile: '/repo/services/identity/demo/demo-company.csv',
      keysFile: '/repo/.tenure/dev-identity-provider-keys.json',
      demoPassword: 'tenure-demo',
      administrators: ['10047'],
      auditors: ['10040'],
      audience: 'tenure-api',
      accessTokenTtlSeconds: 3600,
      portalOrigin: 'http://localhost:3000',
      portalClientSecret: 'tenure-demo-portal-client-secret',
    });
  });

  test('given every variable, when the configuration is loaded, then each one is used', () => {
    const { options } = loadDevIdentityProviderConfig(
      {
        NODE_ENV: 'development',
        IDP_PORT: '4300',
        OIDC_ISSUER: 'http://idp.localhost:4300',
        OIDC_AUDIENCE: 'urn:example:api',
        IDP_USERS_FILE: 'people.csv',
        IDP_DEMO_PASSWORD: 'open-sesame',
        IDP_ADMINISTRATORS: '10001, 10002',
        IDP_AUDITORS: '',
        IDP_ACCESS_TOKEN_TTL_SECONDS: '600',
        PORTAL_ORIGIN: 'http://localhost:3100/',
        PORTAL_CLIENT_SECRET: 'a-portal-secret-of-some-length',
        TENURE_DATA_DIR: '/var/tenure',
        IDP_COOKIE_KEYS: 'k'.repeat(32) + ',' + 'j'.repeat(40),
      },
      ROOT,
    );

    expect(options).toEqual({
      issuer: 'http://idp.localhost:4300',
      port: 4300,
      usersFile: '/repo/people.csv',
      keysFile: '/var/tenure/dev-identity-provider-keys.json',
      demoPassword: 'open-sesame',
      administrators: ['10001', '10002'],
      auditors: [],
      audience: 'urn:example:api',
      accessTokenTtlSeconds: 600,
      portalOrigin: 'http://localhost:3100',
      portalClientSecret: 'a-portal-secret-of-some-length',
      cookieKeys: ['k'.repeat(32), 'j'.repeat(40)],
    });
  });

  test('given bad values, when the configuration is loaded, then every bad variable is named', () => {
    let error: unknown;
    try {
      loadDevIdentityProviderConfig(
        { IDP_PORT: 'abc', OIDC_ISSUER: 'ftp://x', IDP_ACCESS_TOKEN_TTL_SECONDS: '5', IDP_COOKIE_KEYS: 'short' },
        ROOT,
      );
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(ConfigurationError);
    const problems = (error as ConfigurationError).problems.join('\n');
    expect(problems).toMatch(/^IDP_PORT: /m);
    expect(problems).toMatch(/^OIDC_ISSUER: must be an http\(s\) URL/m);
    expect(problems).toMatch(/^IDP_ACCESS_TOKEN_TTL_SECONDS: must be at least 60 seconds/m);
    expect(problems).toMatch(/^IDP_COOKIE_KEYS: each key must be at least 32 characters/m);
  });
});
