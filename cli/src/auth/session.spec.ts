import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliError, ExitCode } from '../exit-codes';
import { resolveSettings } from '../settings';
import { CredentialStore } from './credential-store';
import type { OpenIdProvider } from './oidc';
import { currentCaller } from './session';

const NOW = new Date('2026-11-27T08:00:00Z');

function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'at+jwt' })}.${part(claims)}.signature`;
}

describe('who calls the gateway', () => {
  let configDir: string;

  beforeEach(async () => {
    configDir = await mkdtemp(join(tmpdir(), 'tenure-cli-session-'));
  });

  afterEach(async () => {
    await rm(configDir, { recursive: true, force: true });
  });

  function deps(env: Record<string, string>) {
    return {
      settings: resolveSettings({}, { TENURE_CONFIG_DIR: configDir, ...env }),
      store: new CredentialStore(configDir),
      now: () => NOW,
      connect: (): Promise<OpenIdProvider> => Promise.reject(new Error('no provider in this test')),
    };
  }

  test("given TENURE_TOKEN holding a person's access token, when resolved, then the person comes from its claims", async () => {
    const token = jwt({ employee_number: '10010', name: 'Oliver Grant', groups: [], exp: NOW.getTime() / 1000 + 600 });
    const caller = await currentCaller(deps({ TENURE_TOKEN: token, TENURE_API_URL: 'http://127.0.0.1:4999' }));
    expect(caller).toMatchObject({ kind: 'person', source: 'TENURE_TOKEN', employeeNumber: '10010', token });
    expect(caller.apiUrl.href).toBe('http://127.0.0.1:4999/');
  });

  test('given TENURE_TOKEN holding an administrator API token, when resolved, then it names nobody', async () => {
    expect(await currentCaller(deps({ TENURE_TOKEN: 'tenure-demo-admin-token' }))).toMatchObject({
      kind: 'api-token',
      source: 'TENURE_TOKEN',
    });
  });

  test('given an expired TENURE_TOKEN, when resolved, then it is not signed in (3), naming when it expired', async () => {
    const token = jwt({ employee_number: '10010', exp: NOW.getTime() / 1000 - 60 });
    const error = (await currentCaller(deps({ TENURE_TOKEN: token })).catch((caught: unknown) => caught)) as CliError;
    expect(error).toBeInstanceOf(CliError);
    expect(error.exitCode).toBe(ExitCode.NOT_SIGNED_IN);
    expect(error.message).toContain('expired at 2026-11-27T07:59:00.000Z');
  });

  test('given stored credentials that expired without a refresh token, when resolved, then the session expired (3)', async () => {
    const store = new CredentialStore(configDir);
    await store.write({
      version: 1,
      issuer: 'http://localhost:4200',
      apiUrl: 'http://localhost:4000',
      clientId: 'tenure-cli',
      accessToken: jwt({ employee_number: '10010' }),
      expiresAt: '2026-11-27T07:00:00.000Z',
      employeeNumber: '10010',
      signedInAt: '2026-11-27T06:00:00.000Z',
    });
    const error = (await currentCaller(deps({})).catch((caught: unknown) => caught)) as CliError;
    expect(error.exitCode).toBe(ExitCode.NOT_SIGNED_IN);
    expect(error.message).toBe('Your session expired at 2026-11-27T07:00:00.000Z: run `tenure login`');
  });

  test('given valid stored credentials, when resolved, then the gateway is the one signed in for unless --api says otherwise', async () => {
    const store = new CredentialStore(configDir);
    await store.write({
      version: 1,
      issuer: 'http://localhost:4200',
      apiUrl: 'http://127.0.0.1:4010',
      clientId: 'tenure-cli',
      accessToken: jwt({ employee_number: '10010', groups: ['tenure-administrators'] }),
      expiresAt: '2026-11-27T09:00:00.000Z',
      employeeNumber: '10010',
      signedInAt: '2026-11-27T07:00:00.000Z',
    });
    const caller = await currentCaller(deps({}));
    expect(caller).toMatchObject({ kind: 'person', source: 'stored', employeeNumber: '10010', groups: ['tenure-administrators'] });
    expect(caller.apiUrl.href).toBe('http://127.0.0.1:4010/');
    expect((await currentCaller(deps({ TENURE_API_URL: 'http://localhost:4000' }))).apiUrl.href).toBe('http://localhost:4000/');
  });
});
