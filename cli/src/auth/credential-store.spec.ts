import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliError, ExitCode } from '../exit-codes';
import { CredentialStore } from './credential-store';
import type { StoredCredentials } from './credentials';

const CREDENTIALS: StoredCredentials = {
  version: 1,
  issuer: 'http://localhost:4200',
  apiUrl: 'http://localhost:4000',
  clientId: 'tenure-cli',
  accessToken: 'header.payload.signature',
  refreshToken: 'refresh-token',
  expiresAt: '2026-11-27T09:00:00.000Z',
  employeeNumber: '10010',
  name: 'Oliver Grant',
  signedInAt: '2026-11-27T08:00:00.000Z',
};

describe('credential store', () => {
  let scratch: string;

  beforeEach(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'tenure-cli-credentials-'));
  });

  afterEach(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  test('given no directory yet, when credentials are written, then the directory is 0700 and the file 0600', async () => {
    const store = new CredentialStore(join(scratch, 'config', 'tenure'));

    await store.write(CREDENTIALS);

    expect((await stat(store.directory)).mode & 0o777).toBe(0o700);
    expect((await stat(store.path)).mode & 0o777).toBe(0o600);
    expect(await store.read()).toEqual(CREDENTIALS);
  });

  test('given a directory others can read, when credentials are written, then it is tightened to 0700', async () => {
    const directory = join(scratch, 'tenure');
    await mkdir(directory, { mode: 0o755 });
    await chmod(directory, 0o755);

    await new CredentialStore(directory).write(CREDENTIALS);

    expect((await stat(directory)).mode & 0o777).toBe(0o700);
  });

  test('given credentials, when new ones are written, then they replace the old ones whole and no temporary file is left', async () => {
    const store = new CredentialStore(scratch);
    await store.write(CREDENTIALS);

    await store.write({ ...CREDENTIALS, accessToken: 'renewed.access.token' });

    expect((await store.read())?.accessToken).toBe('renewed.access.token');
    expect(await readdir(scratch)).toEqual(['credentials.json']);
    expect((await stat(store.path)).mode & 0o777).toBe(0o600);
  });

  test('given nothing stored, when read, then there are no credentials', async () => {
    expect(await new CredentialStore(join(scratch, 'missing')).read()).toBeUndefined();
  });

  test('given a file other users can read, when read, then it is refused as not signed in and says how to fix it', async () => {
    const store = new CredentialStore(scratch);
    await store.write(CREDENTIALS);
    await chmod(store.path, 0o644);

    const error = await store.read().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(ExitCode.NOT_SIGNED_IN);
    expect((error as CliError).message).toContain('can be read by other users (mode 644)');
  });

  test('given a damaged file, when read, then it is refused as not signed in, naming the problem but never a token', async () => {
    const store = new CredentialStore(scratch);
    await writeFile(store.path, JSON.stringify({ ...CREDENTIALS, expiresAt: 'tomorrow' }), { mode: 0o600 });

    const error = (await store.read().catch((caught: unknown) => caught)) as CliError;

    expect(error.exitCode).toBe(ExitCode.NOT_SIGNED_IN);
    expect(error.message).toContain('expiresAt');
    expect(error.message).not.toContain(CREDENTIALS.accessToken);
  });

  test('given a file that is not JSON, when read, then it is refused as damaged', async () => {
    const store = new CredentialStore(scratch);
    await writeFile(store.path, 'not json', { mode: 0o600 });
    await expect(store.read()).rejects.toThrow('is damaged (it is not JSON)');
  });

  test('given stored credentials, when deleted, then the file is gone, and deleting again says there was nothing', async () => {
    const store = new CredentialStore(scratch);
    await store.write(CREDENTIALS);

    expect(await store.delete()).toBe(true);
    expect(await store.delete()).toBe(false);
    await expect(readFile(store.path)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
