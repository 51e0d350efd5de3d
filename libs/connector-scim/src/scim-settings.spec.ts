import { createScimConnector } from './scim-connector';

describe('SCIM connector settings', () => {
  const bearer = { baseUrl: 'https://app.example.com/scim/v2', auth: { type: 'bearer', tokenSecret: 'app-token' } };

  it('given a base URL and a bearer token secret, when the connector is made, then the defaults fill the rest', () => {
    const connector = createScimConnector(bearer, { 'app-token': 's3cret' });

    expect(connector.type).toBe('scim');
    expect(connector.capabilities.grant).toBe(true);
  });

  it('given settings that do not fit, when the connector is made, then the error is invalid and names the field', () => {
    expect(() => createScimConnector({ ...bearer, baseUrl: 'ftp://app.example.com' }, { 'app-token': 's3cret' })).toThrow(
      expect.objectContaining({ kind: 'invalid', message: expect.stringContaining('baseUrl') }),
    );
    expect(() => createScimConnector({ ...bearer, auth: { type: 'oauth' } }, {})).toThrow(expect.objectContaining({ kind: 'invalid' }));
    expect(() => createScimConnector({ ...bearer, maxRetries: -1 }, { 'app-token': 's3cret' })).toThrow(
      expect.objectContaining({ kind: 'invalid', message: expect.stringContaining('maxRetries') }),
    );
  });

  it('given a secret name with no value, when the connector is made, then the error names the secret', () => {
    const basic = { baseUrl: bearer.baseUrl, auth: { type: 'basic', username: 'tenure', passwordSecret: 'app-password' } };

    expect(() => createScimConnector(basic, {})).toThrow(
      expect.objectContaining({ kind: 'invalid', message: expect.stringContaining('"app-password"') }),
    );
  });
});
