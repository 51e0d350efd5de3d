import {
  MasterKeyRotationRefused,
  PersonalDataKeys,
  PersonalDataKeyUnusable,
  PersonalDataVault,
  rotateMasterKey,
  wrapKey,
  type PersonalDataMasterKey,
} from '@tenure/personal-data';
import { createTestDatabase, waitFor, type TestDatabase } from '@tenure/testing';
import { createSecretKey, randomBytes } from 'node:crypto';
import { migrate } from './schema/migrate';

const newMasterKey = (): PersonalDataMasterKey => ({ key: createSecretKey(randomBytes(32)) });

const hired = (employeeNumber: string, givenName: string) => ({
  type: 'IdentityHired',
  data: {
    identityId: `id-${employeeNumber}`,
    employeeNumber,
    attributes: {
      givenName,
      familyName: 'Lindqvist',
      email: `${givenName.toLowerCase()}@example.com`,
      custom: { badge: `B-${employeeNumber}` },
    },
  },
});

interface KeyRow {
  key_id: string;
  subject: string;
  key_material: Buffer | null;
  wrapped_at: Date | null;
  destroyed_at: Date | null;
  destroyed_reason: string | null;
}

type Sealed = Awaited<ReturnType<PersonalDataVault['protect']>>;

describe('rotating the master key (PERSONAL_DATA_KEY) of the per-person keys', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(4);
    await migrate(database.pool);
  });
  afterEach(() => database.drop());

  const keyRows = async (): Promise<KeyRow[]> =>
    (
      await database.pool.query<KeyRow>(
        'SELECT key_id, subject, key_material, wrapped_at, destroyed_at, destroyed_reason FROM tenure_personal_data_keys ORDER BY key_id',
      )
    ).rows;

  /** Three people sealed under `master`, the last one erased. */
  async function sealPeople(master: PersonalDataMasterKey): Promise<Sealed> {
    const vault = new PersonalDataVault(database.pool, master);
    const sealed: Sealed = [];
    for (const [number, name] of [
      ['4001', 'Astrid'],
      ['4002', 'Bertil'],
      ['4003', 'Cecilia'],
    ] as const) {
      sealed.push(...(await vault.protect(`identity-${number}`, [hired(number, name)])));
    }
    await vault.keys.destroy('identity-4003', 'GDPR-17 case R-1');
    return sealed;
  }

  const namesRead = async (master: PersonalDataMasterKey | null, sealed: Sealed): Promise<string[]> =>
    (await new PersonalDataVault(database.pool, master).reveal(sealed)).map(
      (event) => (event.data as { attributes: { givenName: string } }).attributes.givenName,
    );

  it('given keys wrapped with the old master key, when rotated, then every live key is rewrapped, the data reads the same with the new key alone, and the old key opens nothing', async () => {
    const old = newMasterKey();
    const next = newMasterKey();
    const sealed = await sealPeople(old);
    const before = await keyRows();
    expect(await namesRead(old, sealed)).toEqual(['Astrid', 'Bertil', '[erased]']);

    const rotation = await rotateMasterKey(database.pool, { from: old.key, to: next.key });

    expect(rotation).toEqual({ rewrapped: 2, alreadyWrapped: 0, wrappedUnwrapped: 0, destroyed: 1 });
    const after = await keyRows();
    for (const [i, row] of after.entries()) {
      expect(row.key_id).toBe(before[i]!.key_id);
      if (row.subject === 'identity-4003') continue;
      expect(row.key_material!.equals(before[i]!.key_material!)).toBe(false);
      expect(row.key_material).toHaveLength(12 + 16 + 32);
      expect(row.wrapped_at!.getTime()).toBeGreaterThan(before[i]!.wrapped_at!.getTime());
    }
    expect(await namesRead(next, sealed)).toEqual(['Astrid', 'Bertil', '[erased]']);
    await expect(namesRead(old, sealed)).rejects.toThrow(PersonalDataKeyUnusable);
    await expect(new PersonalDataKeys(database.pool, old).assertMasterKeyOpensKeys()).rejects.toThrow(
      /does not unwrap with PERSONAL_DATA_KEY: it is not the master key that wrapped/,
    );
  });

  it('given a destroyed key, when rotated, then it stays destroyed: no material, same time and reason', async () => {
    const old = newMasterKey();
    await sealPeople(old);
    const destroyedBefore = (await keyRows()).find((row) => row.subject === 'identity-4003')!;

    await rotateMasterKey(database.pool, { from: old.key, to: newMasterKey().key });

    expect((await keyRows()).find((row) => row.subject === 'identity-4003')).toEqual(destroyedBefore);
    expect(destroyedBefore).toMatchObject({ key_material: null, destroyed_reason: 'GDPR-17 case R-1' });
  });

  it('given a wrong old master key, when rotated, then it is refused naming the first key it does not open, and nothing changes', async () => {
    const old = newMasterKey();
    const sealed = await sealPeople(old);
    const before = await keyRows();
    const firstLive = before.find((row) => row.key_material !== null)!;

    const rotation = rotateMasterKey(database.pool, { from: newMasterKey().key, to: newMasterKey().key });

    await expect(rotation).rejects.toThrow(MasterKeyRotationRefused);
    await expect(rotateMasterKey(database.pool, { from: newMasterKey().key, to: newMasterKey().key })).rejects.toMatchObject({
      code: 'key-does-not-unwrap',
      keyId: firstLive.key_id,
      message: `personal data key ${firstLive.key_id} (of ${firstLive.subject}) does not unwrap with the current master key (PERSONAL_DATA_KEY): it is not the master key that wrapped the stored keys, or the key row was altered. Nothing was rotated`,
    });
    expect(await keyRows()).toEqual(before);
    expect(await namesRead(old, sealed)).toEqual(['Astrid', 'Bertil', '[erased]']);
  });

  it('given a key wrapped with another master key after keys already rewrapped in earlier batches, when rotated, then it is refused and those are rolled back too', async () => {
    const old = newMasterKey();
    await sealPeople(old);
    // A key wrapped with another master key, ordered after every other one: the rotation has rewrapped the others when it meets it.
    const stray = newMasterKey();
    await database.pool.query(
      'INSERT INTO tenure_personal_data_keys (key_id, subject, key_material, wrapped_at) VALUES ($1, $2, $3, now())',
      ['zzzzzzzz-stray', 'identity-4999', wrapKey(stray.key, 'zzzzzzzz-stray', randomBytes(32))],
    );
    const before = await keyRows();

    await expect(rotateMasterKey(database.pool, { from: old.key, to: newMasterKey().key, batchSize: 1 })).rejects.toMatchObject({
      keyId: 'zzzzzzzz-stray',
    });

    expect(await keyRows()).toEqual(before);
  });

  it('given the same key as old and new, when rotated, then it is refused as nothing to rotate', async () => {
    const old = newMasterKey();
    await sealPeople(old);
    const before = await keyRows();

    await expect(rotateMasterKey(database.pool, { from: old.key, to: createSecretKey(old.key.export()) })).rejects.toMatchObject({
      code: 'same-key',
      message: expect.stringMatching(/^the new master key is the same as the current one: nothing to rotate/),
    });
    expect(await keyRows()).toEqual(before);
  });

  it('given keys stored unwrapped, when rotated, then they are wrapped with the new key and still read', async () => {
    const sealed = await new PersonalDataVault(database.pool, null).protect('identity-4100', [hired('4100', 'Dagny')]);
    const next = newMasterKey();

    const rotation = await rotateMasterKey(database.pool, { from: newMasterKey().key, to: next.key });

    expect(rotation).toEqual({ rewrapped: 0, alreadyWrapped: 0, wrappedUnwrapped: 1, destroyed: 0 });
    expect((await keyRows())[0]!.wrapped_at).toBeInstanceOf(Date);
    expect(await namesRead(next, sealed)).toEqual(['Dagny']);
  });

  it('given services rolled to the new key with the old one as PERSONAL_DATA_KEY_PREVIOUS, when they read and write before, during and after the rotation, then every value reads and a second run rewraps nothing', async () => {
    const old = newMasterKey();
    const next = newMasterKey();
    const sealedBefore = await sealPeople(old);
    const rolled = new PersonalDataVault(database.pool, { key: next.key, previous: old.key });

    // Before the rotation: old keys open with the previous key; a new person's key is created under the new one.
    expect(await namesRead({ key: next.key, previous: old.key }, sealedBefore)).toEqual(['Astrid', 'Bertil', '[erased]']);
    const sealedInWindow = await rolled.protect('identity-4200', [hired('4200', 'Elof')]);
    expect(await namesRead({ key: next.key, previous: old.key }, sealedInWindow)).toEqual(['Elof']);

    const rotation = await rotateMasterKey(database.pool, { from: old.key, to: next.key });

    expect(rotation).toEqual({ rewrapped: 2, alreadyWrapped: 1, wrappedUnwrapped: 0, destroyed: 1 });
    expect(await namesRead({ key: next.key, previous: old.key }, [...sealedBefore, ...sealedInWindow])).toEqual([
      'Astrid',
      'Bertil',
      '[erased]',
      'Elof',
    ]);
    // PERSONAL_DATA_KEY_PREVIOUS dropped: the new key alone opens everything.
    expect(await namesRead(next, [...sealedBefore, ...sealedInWindow])).toEqual(['Astrid', 'Bertil', '[erased]', 'Elof']);
    expect(await rotateMasterKey(database.pool, { from: old.key, to: next.key })).toEqual({
      rewrapped: 0,
      alreadyWrapped: 3,
      wrappedUnwrapped: 0,
      destroyed: 1,
    });
  });

  it('given a vault with a previous key that does not open a key either, when it reads, then it is refused naming both variables', async () => {
    const sealed = await sealPeople(newMasterKey());

    await expect(namesRead({ key: newMasterKey().key, previous: newMasterKey().key }, sealed)).rejects.toThrow(
      /^personal data key [0-9a-f-]+ \(of identity-\d+\) unwraps neither with PERSONAL_DATA_KEY nor with PERSONAL_DATA_KEY_PREVIOUS/,
    );
  });

  it('given a rotation in progress, when a process creates a key for a new person, then it waits for the commit, so no key escapes the rotation', async () => {
    const old = newMasterKey();
    const next = newMasterKey();
    await sealPeople(old);
    const rolled = new PersonalDataKeys(database.pool, { key: next.key, previous: old.key });
    let created: Promise<unknown> | undefined;

    await rotateMasterKey(database.pool, {
      from: old.key,
      to: next.key,
      beforeCommit: async () => {
        created = rolled.liveKey('identity-4300');
        await waitFor('the key creation to wait for the rotation’s lock', async () => {
          const { rows } = await database.pool.query(
            "SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO tenure_personal_data_keys%'",
          );
          return rows.length > 0 ? true : undefined;
        });
      },
    });
    await created;

    const row = (await keyRows()).find((r) => r.subject === 'identity-4300')!;
    expect(row.wrapped_at).toBeInstanceOf(Date);
    await expect(new PersonalDataKeys(database.pool, next).materials([row.key_id])).resolves.toHaveProperty('size', 1);
  });
});
