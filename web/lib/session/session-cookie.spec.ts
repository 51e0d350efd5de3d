import { sealSignInTransaction } from '../auth/sign-in-transaction';
import { isExpired, needsRefresh, REFRESH_MARGIN_MS, SESSION_MAX_AGE_SECONDS, sealSession, unsealSession } from './session-cookie';
import type { StoredSession } from './session-types';

const SECRET = 'a-session-secret-of-at-least-32-characters';
const SIGNED_IN = new Date('2026-03-02T09:00:00.000Z');

function storedSession(overrides: Partial<StoredSession> = {}): StoredSession {
  return {
    employeeNumber: '10010',
    name: 'Oliver Berg',
    email: 'oliver.berg@example.com',
    roles: ['auditor'],
    accessToken: 'header.payload-with-the-access-token.signature',
    expiresAt: SIGNED_IN.getTime() + 3_600_000,
    refreshToken: 'the-refresh-token',
    idToken: 'the.id.token',
    signedInAt: SIGNED_IN.getTime(),
    ...overrides,
  };
}

describe('session cookie', () => {
  it('given a sealed session, when it is unsealed with the same secret, then the session comes back whole', async () => {
    const session = storedSession();
    const value = await sealSession(session, SECRET, SIGNED_IN);

    await expect(unsealSession(value, SECRET, new Date(SIGNED_IN.getTime() + 60_000))).resolves.toEqual(session);
  });

  it('given a sealed session, when its value is read, then it is an encrypted JWE that shows none of the tokens', async () => {
    const value = await sealSession(storedSession(), SECRET, SIGNED_IN);

    expect(value.split('.')).toHaveLength(5);
    expect(value).not.toContain('access-token');
    expect(value).not.toContain('refresh-token');
    expect(Buffer.from(value.split('.')[0] ?? '', 'base64url').toString()).toContain('"A256GCM"');
  });

  it('given a sealed session, when one character is changed, then it does not unseal', async () => {
    const value = await sealSession(storedSession(), SECRET, SIGNED_IN);
    const position = value.lastIndexOf('.') - 5;
    const tampered = `${value.slice(0, position)}${value[position] === 'A' ? 'B' : 'A'}${value.slice(position + 1)}`;

    await expect(unsealSession(tampered, SECRET, SIGNED_IN)).resolves.toBeNull();
  });

  it('given a session sealed with another secret, when it is unsealed, then it is refused', async () => {
    const value = await sealSession(storedSession(), 'another-secret-that-is-32-characters-long', SIGNED_IN);

    await expect(unsealSession(value, SECRET, SIGNED_IN)).resolves.toBeNull();
  });

  it('given a session refreshed all day, when the sign-in is older than its absolute limit, then it no longer unseals', async () => {
    const refreshedLater = new Date(SIGNED_IN.getTime() + (SESSION_MAX_AGE_SECONDS - 60) * 1000);
    const value = await sealSession(storedSession({ expiresAt: refreshedLater.getTime() + 3_600_000 }), SECRET, refreshedLater);

    await expect(
      unsealSession(value, SECRET, new Date(SIGNED_IN.getTime() + (SESSION_MAX_AGE_SECONDS - 1) * 1000)),
    ).resolves.not.toBeNull();
    await expect(unsealSession(value, SECRET, new Date(SIGNED_IN.getTime() + (SESSION_MAX_AGE_SECONDS + 1) * 1000))).resolves.toBeNull();
  });

  it('given the sign-in cookie, when it is presented as the session cookie, then it is refused (one key per purpose)', async () => {
    const transaction = await sealSignInTransaction({ codeVerifier: 'v', state: 's', nonce: 'n', returnTo: '/' }, SECRET, SIGNED_IN);

    await expect(unsealSession(transaction, SECRET, SIGNED_IN)).resolves.toBeNull();
  });

  it('given no cookie or garbage, when it is unsealed, then there is no session', async () => {
    await expect(unsealSession(undefined, SECRET, SIGNED_IN)).resolves.toBeNull();
    await expect(unsealSession('not-a-jwe', SECRET, SIGNED_IN)).resolves.toBeNull();
  });

  it('given an access token, when the time nears its expiry, then a refresh is due a minute before and it expires at its time', () => {
    const session = { expiresAt: SIGNED_IN.getTime() + 3_600_000 };

    expect(needsRefresh(session, new Date(session.expiresAt - REFRESH_MARGIN_MS - 1))).toBe(false);
    expect(needsRefresh(session, new Date(session.expiresAt - REFRESH_MARGIN_MS))).toBe(true);
    expect(isExpired(session, new Date(session.expiresAt - 1))).toBe(false);
    expect(isExpired(session, new Date(session.expiresAt))).toBe(true);
  });
});
