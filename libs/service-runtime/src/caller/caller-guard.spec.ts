import { DomainError } from '@tenure/event-sourcing';
import { GraphQLError } from 'graphql';
import { AdminTokenGuard } from '../admin/admin-token-guard';
import { CallerGuard } from './caller-guard';
import { mintCallerToken, CallerTokenVerifier } from './caller-token';
import { withRequestCredentials } from './request-credentials';
import { SignJWT } from 'jose';

const SECRET = 'a-person-token-secret-of-32-chars!!';
const ADMIN_TOKEN = 'an-administrator-token';
const NOW = new Date('2026-03-02T09:00:00Z');

const verifier = new CallerTokenVerifier(SECRET, () => NOW);
const guard = new CallerGuard(new AdminTokenGuard([ADMIN_TOKEN]));

function callerFor(authorization: string | undefined, callerTokens = verifier) {
  return withRequestCredentials(authorization, callerTokens, () => guard.requireCaller('listing my requests'));
}

async function refusal(authorization: string | undefined, callerTokens = verifier): Promise<DomainError | GraphQLError> {
  try {
    await callerFor(authorization, callerTokens);
  } catch (error) {
    if (error instanceof DomainError || error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('expected the caller to be refused');
}

describe('CallerGuard', () => {
  it('given a valid caller token, when a caller is required, then the caller is that person', async () => {
    const token = await mintCallerToken(SECRET, 'E1001', { hours: 1, now: NOW });

    expect(await callerFor(`Bearer ${token}`)).toEqual({
      kind: 'person',
      employeeNumber: 'E1001',
      roles: [],
      actor: { kind: 'person', id: 'E1001' },
    });
  });

  it('given an administrator token, when a caller is required, then the caller is an administrator', async () => {
    expect(await callerFor(`Bearer ${ADMIN_TOKEN}`)).toEqual({ kind: 'administrator', actor: { kind: 'person', id: 'admin-token' } });
  });

  it('given no Authorization header, when a caller is required, then the request is UNAUTHENTICATED', async () => {
    const error = await refusal(undefined);

    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions['code']).toBe('UNAUTHENTICATED');
  });

  it('given an expired caller token, when a caller is required, then it is forbidden and says it expired, without echoing the token', async () => {
    const token = await mintCallerToken(SECRET, 'E1001', { hours: 1, now: new Date(NOW.getTime() - 2 * 3600_000) });

    const error = await refusal(`Bearer ${token}`);

    expect(error).toMatchObject({ code: 'forbidden' });
    expect(error.message).toMatch(/expired/);
    expect(error.message).not.toContain(token);
  });

  it('given a caller token signed with another secret, when a caller is required, then it is forbidden', async () => {
    const token = await mintCallerToken('another-secret-that-is-32-chars-long', 'E1001', { now: NOW });

    const error = await refusal(`Bearer ${token}`);

    expect(error).toMatchObject({ code: 'forbidden' });
    expect(error.message).toMatch(/not signed by this platform/);
  });

  it('given a token for another audience, when a caller is required, then it is forbidden naming the audience claim', async () => {
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('E1001')
      .setIssuer('tenure-gateway')
      .setAudience('somewhere-else')
      .setExpirationTime(Math.floor(NOW.getTime() / 1000) + 3600)
      .sign(new TextEncoder().encode(SECRET));

    const error = await refusal(`Bearer ${token}`);

    expect(error).toMatchObject({ code: 'forbidden' });
    expect(error.message).toMatch(/aud/);
  });

  it('given a token without an expiry, when a caller is required, then it is forbidden', async () => {
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('E1001')
      .setIssuer('tenure-gateway')
      .setAudience('tenure-services')
      .sign(new TextEncoder().encode(SECRET));

    expect(await refusal(`Bearer ${token}`)).toMatchObject({ code: 'forbidden' });
  });

  it('given no CALLER_TOKEN_SECRET, when a caller token is presented, then it is refused saying the secret is not configured', async () => {
    const token = await mintCallerToken(SECRET, 'E1001', { now: NOW });

    const error = await refusal(`Bearer ${token}`, new CallerTokenVerifier(undefined, () => NOW));

    expect(error.message).toMatch(/CALLER_TOKEN_SECRET is not configured/);
  });

  it('given an unknown opaque token, when a caller is required, then it is forbidden', async () => {
    expect(await refusal('Bearer not-a-known-token')).toMatchObject({ code: 'forbidden' });
  });

  it('given an employee’s caller token, when an administrator is required, then it is forbidden; an administrator token passes', async () => {
    const token = await mintCallerToken(SECRET, 'E1001', { now: NOW });

    await expect(withRequestCredentials(`Bearer ${token}`, verifier, () => guard.requireAdministrator('publishing'))).rejects.toMatchObject(
      {
        code: 'forbidden',
      },
    );
    expect(await withRequestCredentials(`Bearer ${ADMIN_TOKEN}`, verifier, () => guard.requireAdministrator('publishing'))).toEqual({
      kind: 'person',
      id: 'admin-token',
    });
  });

  it('given a person with the administrator role, when an administrator is required, then they pass and act as themselves', async () => {
    const token = await mintCallerToken(SECRET, '10047', { now: NOW, roles: ['administrator'] });
    expect(await withRequestCredentials(`Bearer ${token}`, verifier, () => guard.requireAdministrator('publishing'))).toEqual({
      kind: 'person',
      id: '10047',
    });
  });

  it('given an auditor, when a reader is required, then they pass; when an administrator is required, then it is forbidden', async () => {
    const token = await mintCallerToken(SECRET, '10040', { now: NOW, roles: ['auditor'] });
    expect(await withRequestCredentials(`Bearer ${token}`, verifier, () => guard.requireReader('listing JML runs'))).toMatchObject({
      employeeNumber: '10040',
      roles: ['auditor'],
    });
    await expect(withRequestCredentials(`Bearer ${token}`, verifier, () => guard.requireAdministrator('publishing'))).rejects.toMatchObject(
      {
        code: 'forbidden',
        message: expect.stringMatching(/needs an administrator, and 10040 is not one/),
      },
    );
  });

  it('given an employee without roles, when a reader is required, then it is forbidden naming them', async () => {
    const token = await mintCallerToken(SECRET, '10010', { now: NOW });
    await expect(withRequestCredentials(`Bearer ${token}`, verifier, () => guard.requireReader('listing JML runs'))).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/administrators and auditors, and 10010 is neither/),
    });
  });

  it('given a roles claim with a role the platform does not know, when verified, then only known roles are kept', async () => {
    const token = await new SignJWT({ roles: ['auditor', 'superuser'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('10040')
      .setIssuer('tenure-gateway')
      .setAudience('tenure-services')
      .setExpirationTime(Math.floor(NOW.getTime() / 1000) + 3600)
      .sign(new TextEncoder().encode(SECRET));
    expect(await callerFor(`Bearer ${token}`)).toMatchObject({ roles: ['auditor'] });
  });
});
