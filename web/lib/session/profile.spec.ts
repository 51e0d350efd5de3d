import { SignJWT } from 'jose';
import { sessionFromTokens } from '../auth/session-from-tokens';
import { accessTokenExpiry, profileFromTokens, rolesFromGroups } from './profile';

const GROUPS = { administratorGroups: ['tenure-administrators'], auditorGroups: ['tenure-auditors'] };
const NOW = new Date('2026-03-02T09:00:00.000Z');
const SIGNING_KEY = new TextEncoder().encode('only-for-making-test-tokens-32-bytes!');

function accessToken(claims: Record<string, unknown>, expiresAt = NOW.getTime() / 1000 + 3600): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(expiresAt).sign(SIGNING_KEY);
}

describe('profile from the provider’s tokens', () => {
  it('given an access token with the person’s claims, when the profile is read, then it names them and maps groups to roles', async () => {
    const token = await accessToken({
      sub: '10047',
      employee_number: '10047',
      name: 'Sara Lund',
      email: 'sara.lund@example.com',
      groups: ['tenure-administrators'],
    });

    expect(profileFromTokens(token, undefined, GROUPS)).toEqual({
      employeeNumber: '10047',
      name: 'Sara Lund',
      email: 'sara.lund@example.com',
      roles: ['administrator'],
    });
  });

  it('given an opaque access token, when the profile is read, then the ID token’s claims are used', () => {
    expect(
      profileFromTokens(
        'opaque-token',
        { sub: '10040', name: 'Oskar Nilsson', email: 'o@example.com', groups: ['tenure-auditors'] },
        GROUPS,
      ),
    ).toEqual({
      employeeNumber: '10040',
      name: 'Oskar Nilsson',
      email: 'o@example.com',
      roles: ['auditor'],
    });
  });

  it('given no employee number and no subject, when the profile is read, then it fails saying why', () => {
    expect(() => profileFromTokens('opaque-token', {}, GROUPS)).toThrow('neither employee_number nor sub');
  });

  it('given groups that are not Tenure’s, or no groups claim, when roles are derived, then the person is an employee only', () => {
    expect(rolesFromGroups(['engineering'], GROUPS)).toEqual([]);
    expect(rolesFromGroups(undefined, GROUPS)).toEqual([]);
    expect(rolesFromGroups('tenure-administrators', GROUPS)).toEqual([]);
    expect(rolesFromGroups(['tenure-auditors', 'tenure-administrators'], GROUPS)).toEqual(['administrator', 'auditor']);
  });

  it('given expires_in, when the expiry is computed, then it counts from now; without it, the token’s exp is used', async () => {
    const token = await accessToken({ sub: '1' }, NOW.getTime() / 1000 + 120);

    expect(accessTokenExpiry(token, 3600, NOW)).toBe(NOW.getTime() + 3_600_000);
    expect(accessTokenExpiry(token, undefined, NOW)).toBe(NOW.getTime() + 120_000);
    expect(() => accessTokenExpiry('opaque', undefined, NOW)).toThrow('neither expires_in nor exp');
  });
});

describe('session from a token response', () => {
  it('given a sign-in, when the session is made, then it holds the tokens, the expiry and the sign-in time', async () => {
    const token = await accessToken({ sub: '10010', name: 'Oliver Berg', email: 'oliver@example.com', groups: [] });

    expect(
      sessionFromTokens({ accessToken: token, idToken: 'id', refreshToken: 'refresh-1', expiresInSeconds: 3600 }, GROUPS, NOW),
    ).toEqual({
      employeeNumber: '10010',
      name: 'Oliver Berg',
      email: 'oliver@example.com',
      roles: [],
      accessToken: token,
      expiresAt: NOW.getTime() + 3_600_000,
      refreshToken: 'refresh-1',
      idToken: 'id',
      signedInAt: NOW.getTime(),
    });
  });

  it('given a refresh that returns no new refresh or ID token, when the session is renewed, then it keeps the old ones and the sign-in time', async () => {
    const first = sessionFromTokens(
      { accessToken: await accessToken({ sub: '10010' }), idToken: 'id-1', refreshToken: 'refresh-1', expiresInSeconds: 3600 },
      GROUPS,
      NOW,
    );
    const later = new Date(NOW.getTime() + 3_550_000);
    const renewedToken = await accessToken({ sub: '10010', groups: ['tenure-auditors'] }, later.getTime() / 1000 + 3600);

    const renewed = sessionFromTokens({ accessToken: renewedToken, expiresInSeconds: 3600 }, GROUPS, later, first);

    expect(renewed).toMatchObject({
      accessToken: renewedToken,
      refreshToken: 'refresh-1',
      idToken: 'id-1',
      signedInAt: NOW.getTime(),
      roles: ['auditor'],
    });
    expect(renewed.expiresAt).toBe(later.getTime() + 3_600_000);
  });

  it('given a refresh that returns someone else’s tokens, when the session is renewed, then it is refused', async () => {
    const first = sessionFromTokens({ accessToken: await accessToken({ sub: '10010' }), expiresInSeconds: 3600 }, GROUPS, NOW);

    expect(() =>
      sessionFromTokens({ accessToken: 'opaque', idTokenClaims: { sub: '10047' }, expiresInSeconds: 3600 }, GROUPS, NOW, first),
    ).toThrow('A refresh for 10010 returned tokens for 10047');
  });
});
