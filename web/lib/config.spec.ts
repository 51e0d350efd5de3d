import { readPortalConfig } from './config';

const SECRET = 'a-session-secret-of-at-least-32-characters';

describe('portal configuration', () => {
  it('given only the session secret, when the configuration is read, then the development defaults apply', () => {
    const config = readPortalConfig({ PORTAL_SESSION_SECRET: SECRET });

    expect(config).toMatchObject({
      gatewayUrl: 'http://localhost:4000',
      clientId: 'tenure-portal',
      administratorGroups: ['tenure-administrators'],
      auditorGroups: ['tenure-auditors'],
    });
    expect(config.issuer.href).toBe('http://localhost:4200/');
    expect(config.origin.origin).toBe('http://localhost:3000');
  });

  it('given no session secret, when the configuration is read, then it fails naming the variable', () => {
    expect(() => readPortalConfig({})).toThrow(/PORTAL_SESSION_SECRET/);
  });

  it('given a short secret and a bad gateway URL, when the configuration is read, then every problem is named', () => {
    expect(() => readPortalConfig({ PORTAL_SESSION_SECRET: 'short', GATEWAY_URL: 'not a url' })).toThrow(
      /GATEWAY_URL: GATEWAY_URL must be a URL[\s\S]*PORTAL_SESSION_SECRET: PORTAL_SESSION_SECRET must be at least 32 characters/,
    );
  });

  it('given group lists and a gateway URL with a trailing slash, when the configuration is read, then they are split and trimmed', () => {
    const config = readPortalConfig({
      PORTAL_SESSION_SECRET: SECRET,
      GATEWAY_URL: 'http://gateway:4000/',
      OIDC_ADMINISTRATOR_GROUPS: 'admins, it-admins ,',
    });

    expect(config.gatewayUrl).toBe('http://gateway:4000');
    expect(config.administratorGroups).toEqual(['admins', 'it-admins']);
  });
});
