import { locatePersonalDataMasterKey, PersonalDataVault, type PersonalDataMasterKey } from '@tenure/personal-data';
import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import { createSecretKey, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { migrate } from '../schema/migrate';
import { main } from './rotate-key-main';

const hired = (employeeNumber: string, givenName: string) => ({
  type: 'IdentityHired',
  data: {
    identityId: `id-${employeeNumber}`,
    employeeNumber,
    attributes: { givenName, familyName: 'Holm', email: `${givenName.toLowerCase()}@example.com`, custom: {} },
  },
});

const masterKeyOf = (bytes: Buffer): PersonalDataMasterKey => ({ key: createSecretKey(bytes) });

/** Every way a key's bytes could be printed. */
const spellings = (bytes: Buffer): string[] => [bytes.toString('base64'), bytes.toString('base64url'), bytes.toString('hex')];

describe('personal-data:rotate-key command', () => {
  let database: TestDatabase;
  let dir: string;
  beforeEach(async () => {
    database = await createTestDatabase(2);
    await migrate(database.pool);
    dir = mkdtempSync(join(tmpdir(), 'tenure-rotate-'));
  });
  afterEach(async () => {
    rmSync(dir, { recursive: true, force: true });
    await database.drop();
  });

  async function run(env: NodeJS.ProcessEnv, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    const out = new PassThrough();
    const err = new PassThrough();
    let printed = '';
    let errors = '';
    out.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    err.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    // NODE_ENV as a developer's shell has it (unset): the development key file applies when PERSONAL_DATA_KEY is not set.
    const code = await main(argv, { DATABASE_URL: database.url, TENURE_DATA_DIR: join(dir, 'data'), ...env }, out, err, dir);
    return { code, out: printed, err: errors };
  }

  async function seal(master: PersonalDataMasterKey) {
    const vault = new PersonalDataVault(database.pool, master);
    const sealed = [
      ...(await vault.protect('identity-5001', [hired('5001', 'Frida')])),
      ...(await vault.protect('identity-5002', [hired('5002', 'Gunnar')])),
    ];
    await vault.keys.destroy('identity-5002', 'GDPR-17 case C-1');
    return sealed;
  }

  const namesRead = async (master: PersonalDataMasterKey, sealed: Awaited<ReturnType<typeof seal>>) =>
    (await new PersonalDataVault(database.pool, master).reveal(sealed)).map(
      (event) => (event.data as { attributes: { givenName: string } }).attributes.givenName,
    );

  /** The per-person keys in clear and as stored, before and after: none of it may be printed. */
  async function storedMaterials(master: PersonalDataMasterKey): Promise<Buffer[]> {
    const { rows } = await database.pool.query<{ key_id: string; key_material: Buffer }>(
      'SELECT key_id, key_material FROM tenure_personal_data_keys WHERE key_material IS NOT NULL',
    );
    const plain = await new PersonalDataVault(database.pool, master).keys.materials(rows.map((row) => row.key_id));
    return [...rows.map((row) => row.key_material), ...plain.values()];
  }

  it('given the keys in PERSONAL_DATA_KEY and NEW_PERSONAL_DATA_KEY, when run, then it rewraps the live keys, says how many, and prints no key material', async () => {
    const oldBytes = randomBytes(32);
    const newBytes = randomBytes(32);
    const sealed = await seal(masterKeyOf(oldBytes));
    const before = await storedMaterials(masterKeyOf(oldBytes));

    const result = await run({ PERSONAL_DATA_KEY: oldBytes.toString('base64'), NEW_PERSONAL_DATA_KEY: newBytes.toString('hex') });

    expect(result).toEqual({
      code: 0,
      out:
        'rewrapped 1 personal data key(s) with the new master key (0 already wrapped with it; 1 destroyed, left as they are)\n' +
        'next: once every process runs with the new key as PERSONAL_DATA_KEY, remove PERSONAL_DATA_KEY_PREVIOUS from them\n',
      err: '',
    });
    const printed = result.out + result.err;
    for (const material of [oldBytes, newBytes, ...before, ...(await storedMaterials(masterKeyOf(newBytes)))]) {
      for (const spelling of spellings(material)) expect(printed).not.toContain(spelling);
    }
    expect(await namesRead(masterKeyOf(newBytes), sealed)).toEqual(['Frida', '[erased]']);
    await expect(namesRead(masterKeyOf(oldBytes), sealed)).rejects.toThrow(/does not unwrap with PERSONAL_DATA_KEY/);
    expect(readdirSync(dir)).toEqual([]); // with PERSONAL_DATA_KEY set, no key file is written
  });

  it('given the development key file of `npm start`, when run, then the new key replaces it (0600, atomically) after the commit and the data reads with it', async () => {
    const oldBytes = randomBytes(32);
    const newBytes = randomBytes(32);
    const sealed = await seal(masterKeyOf(oldBytes));
    const dataDir = join(dir, 'data');
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir);
    const file = join(dataDir, 'personal-data-key.json');
    writeFileSync(file, `${JSON.stringify({ key: oldBytes.toString('base64') })}\n`, { mode: 0o600 });

    const result = await run({ NEW_PERSONAL_DATA_KEY: newBytes.toString('base64') });

    expect(result.code).toBe(0);
    expect(result.out).toBe(
      'rewrapped 1 personal data key(s) with the new master key (0 already wrapped with it; 1 destroyed, left as they are)\n' +
        `the new master key replaced the one in ${file}: restart \`npm start\` so that its services take it\n`,
    );
    for (const spelling of [...spellings(oldBytes), ...spellings(newBytes)]) expect(result.out + result.err).not.toContain(spelling);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ key: newBytes.toString('base64') });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dataDir)).toEqual(['personal-data-key.json']);
    const located = locatePersonalDataMasterKey({ TENURE_DATA_DIR: dataDir }, dir);
    expect(located?.file).toBe(file);
    expect(await namesRead(located!.masterKey, sealed)).toEqual(['Frida', '[erased]']);

    // Run again with the same new key: the file now holds it, so there is nothing to rotate.
    const again = await run({ NEW_PERSONAL_DATA_KEY: newBytes.toString('base64') });
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/^refused: the new master key is the same as the current one: nothing to rotate/);
  });

  it('given a wrong current key, when run, then it is refused (exit 1) naming the key it does not open, nothing changes, and the key file is kept', async () => {
    const realBytes = randomBytes(32);
    const sealed = await seal(masterKeyOf(realBytes));
    const { rows: before } = await database.pool.query('SELECT * FROM tenure_personal_data_keys ORDER BY key_id');
    const dataDir = join(dir, 'data');
    mkdirSync(dataDir);
    const wrongBytes = randomBytes(32);
    const file = join(dataDir, 'personal-data-key.json');
    writeFileSync(file, JSON.stringify({ key: wrongBytes.toString('base64') }));

    const result = await run({ NEW_PERSONAL_DATA_KEY: randomBytes(32).toString('base64') });

    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    const live = before.find((row: { key_material: Buffer | null }) => row.key_material !== null) as { key_id: string };
    expect(result.err).toBe(
      `refused: personal data key ${live.key_id} (of identity-5001) does not unwrap with the current master key (PERSONAL_DATA_KEY): ` +
        'it is not the master key that wrapped the stored keys, or the key row was altered. Nothing was rotated\n',
    );
    expect((await database.pool.query('SELECT * FROM tenure_personal_data_keys ORDER BY key_id')).rows).toEqual(before);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ key: wrongBytes.toString('base64') });
    expect(readdirSync(dataDir)).toEqual(['personal-data-key.json']);
    expect(await namesRead(masterKeyOf(realBytes), sealed)).toEqual(['Frida', '[erased]']);
  });

  it('given the same key twice, when run, then it is refused (exit 1)', async () => {
    const bytes = randomBytes(32);
    await seal(masterKeyOf(bytes));

    const result = await run({ PERSONAL_DATA_KEY: bytes.toString('base64'), NEW_PERSONAL_DATA_KEY: bytes.toString('hex') });

    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^refused: the new master key is the same as the current one: nothing to rotate/);
  });

  it('given wrong usage, when run, then it explains, exits 2, and never repeats a key given where it does not belong', async () => {
    const current = randomBytes(32).toString('base64');
    const pasted = randomBytes(32).toString('base64');
    const malformed = randomBytes(16).toString('base64');

    const withArgument = await run({ PERSONAL_DATA_KEY: current, NEW_PERSONAL_DATA_KEY: randomBytes(32).toString('base64') }, pasted);
    expect(withArgument.code).toBe(2);
    expect(withArgument.err).toMatch(
      /^1 argument\(s\) given, none expected: the keys are read from PERSONAL_DATA_KEY and NEW_PERSONAL_DATA_KEY only/,
    );
    expect(withArgument.err).not.toContain(pasted);

    const withoutNew = await run({ PERSONAL_DATA_KEY: current });
    expect(withoutNew).toMatchObject({ code: 2, err: expect.stringMatching(/^NEW_PERSONAL_DATA_KEY is not set/) });

    const malformedNew = await run({ PERSONAL_DATA_KEY: current, NEW_PERSONAL_DATA_KEY: malformed });
    expect(malformedNew).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^NEW_PERSONAL_DATA_KEY: must be 32 random bytes in base64 or hex/),
    });
    expect(malformedNew.err).not.toContain(malformed);

    const malformedCurrent = await run({ PERSONAL_DATA_KEY: malformed, NEW_PERSONAL_DATA_KEY: current });
    expect(malformedCurrent).toMatchObject({ code: 2, err: expect.stringMatching(/^PERSONAL_DATA_KEY: must be 32 random bytes/) });
    expect(malformedCurrent.err).not.toContain(malformed);

    const withoutCurrent = await run({ NEW_PERSONAL_DATA_KEY: current });
    expect(withoutCurrent).toMatchObject({ code: 2, err: expect.stringMatching(/^no current master key: set PERSONAL_DATA_KEY/) });

    const withPrevious = await run({ PERSONAL_DATA_KEY: current, PERSONAL_DATA_KEY_PREVIOUS: pasted, NEW_PERSONAL_DATA_KEY: malformed });
    expect(withPrevious).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^PERSONAL_DATA_KEY_PREVIOUS is set: it is for the services/),
    });

    for (const result of [withArgument, withoutNew, malformedNew, malformedCurrent, withoutCurrent, withPrevious]) {
      expect(result.out).toBe('');
      expect(result.err).toContain(
        'usage: PERSONAL_DATA_KEY=<current key> NEW_PERSONAL_DATA_KEY=<new key> npm run personal-data:rotate-key',
      );
      for (const secret of [current, pasted]) expect(result.err).not.toContain(secret);
    }
  });
});
