import { ConfigurationError } from '@tenure/platform';
import { decodeJwt } from 'jose';
import { mintCallerToken, callerTokenSecretFromEnv } from './caller-token';

describe('caller tokens', () => {
  it('given an employee number and hours, when minted, then the token carries the subject, issuer, audience and expiry', async () => {
    const now = new Date('2026-03-02T09:00:00Z');

    const claims = decodeJwt(await mintCallerToken('x'.repeat(32), 'E1001', { hours: 2, now }));

    expect(claims).toMatchObject({
      sub: 'E1001',
      iss: 'tenure-gateway',
      aud: 'tenure-services',
      roles: [],
      exp: now.getTime() / 1000 + 7200,
    });
  });

  it('given a secret shorter than 32 characters, when minting or configuring, then it is refused', async () => {
    await expect(mintCallerToken('short', 'E1001')).rejects.toThrow(/at least 32 characters/);
    expect(() => callerTokenSecretFromEnv({ CALLER_TOKEN_SECRET: 'short' })).toThrow(ConfigurationError);
    expect(callerTokenSecretFromEnv({})).toBeUndefined();
  });
});
