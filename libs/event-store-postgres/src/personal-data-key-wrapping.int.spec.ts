import { randomIds } from '@tenure/event-sourcing';
import { open, PersonalDataKeys, PersonalDataKeyUnusable, PersonalDataVault, type PersonalEnvelope } from '@tenure/personal-data';
import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import { createSecretKey, randomBytes } from 'node:crypto';
import { migrate } from './schema/migrate';

const masterKey = (bytes = randomBytes(32)) => ({ key: createSecretKey(bytes) });

const hired = (employeeNumber: string, givenName: string) => ({
  type: 'IdentityHired',
  data: {
    identityId: `id-${employeeNumber}`,
    employeeNumber,
    attributes: { givenName, familyName: 'Nyqvist', email: `${givenName.toLowerCase()}@example.com`, custom: {} },
  },
});

interface KeyRow {
  key_id: string;
  key_material: Buffer;
  wrapped_at: Date | null;
}

describe('per-person keys wrapped with the master key (PERSONAL_DATA_KEY)', () => {
  let database: TestDatabase;
  const master = masterKey();
  beforeAll(async () => {
    database = await createTestDatabase(2);
    await migrate(database.pool);
  });
  afterAll(() => database.drop());

  const keyRow = async (subject: string): Promise<KeyRow> =>
    (
      await database.pool.query<KeyRow>('SELECT key_id, key_material, wrapped_at FROM tenure_personal_data_keys WHERE subject = $1', [
        subject,
      ])
    ).rows[0]!;

  it('given a master key, when a person’s data is sealed, then the table holds only the wrapped key, which alone opens nothing', async () => {
    const vault = new PersonalDataVault(database.pool, master);
    const [sealed] = await vault.protect('identity-2001', [hired('2001', 'Ingrid')]);
    const envelope = (sealed!.data as unknown as { attributes: { givenName: PersonalEnvelope } }).attributes.givenName;

    const row = await keyRow('identity-2001');
    expect(row.wrapped_at).toBeInstanceOf(Date);
    expect(row.key_material).toHaveLength(12 + 16 + 32);
    expect(() => open(envelope, row.key_material.subarray(0, 32))).toThrow();
    expect(() => open(envelope, row.key_material.subarray(28))).toThrow();
    const [revealed] = await new PersonalDataVault(database.pool, master).reveal([sealed!]);
    expect((revealed!.data as { attributes: { givenName: string } }).attributes.givenName).toBe('Ingrid');
  });

  it('given another master key, when data is read, then the read is refused naming the key and the variable, not shown as erased', async () => {
    const [sealed] = await new PersonalDataVault(database.pool, master).protect('identity-2002', [hired('2002', 'Oskar')]);
    const wrong = new PersonalDataVault(database.pool, masterKey());

    const read = wrong.reveal([sealed!]);

    await expect(read).rejects.toThrow(PersonalDataKeyUnusable);
    await expect(wrong.reveal([sealed!])).rejects.toThrow(
      /^personal data key [0-9a-f-]+ \(of identity-\d+\) does not unwrap with PERSONAL_DATA_KEY: it is not the master key that wrapped/,
    );
    await expect(wrong.protect('identity-2003', [hired('2003', 'Alma')])).rejects.toThrow(PersonalDataKeyUnusable);
    expect((await database.pool.query('SELECT 1 FROM tenure_personal_data_keys WHERE subject = $1', ['identity-2003'])).rowCount).toBe(0);
  });

  it('given wrapped keys and no master key, when data is read, then the read is refused saying PERSONAL_DATA_KEY is not set', async () => {
    const [sealed] = await new PersonalDataVault(database.pool, master).protect('identity-2004', [hired('2004', 'Maja')]);

    await expect(new PersonalDataVault(database.pool, null).reveal([sealed!])).rejects.toThrow(
      /is stored wrapped, but PERSONAL_DATA_KEY is not set: personal data cannot be read or written/,
    );
  });

  it('given keys stored unwrapped by an earlier version, when a process with the master key starts, then it wraps them (recorded) and the data still reads', async () => {
    const other = await createTestDatabase(2);
    try {
      await migrate(other.pool);
      const [sealed] = await new PersonalDataVault(other.pool, null).protect('identity-3001', [hired('3001', 'Edvin')]);
      const before = (await other.pool.query<KeyRow>('SELECT key_material, wrapped_at FROM tenure_personal_data_keys')).rows[0]!;
      expect(before.wrapped_at).toBeNull();
      expect(before.key_material).toHaveLength(32);

      const [revealed] = await new PersonalDataVault(other.pool, master).reveal([sealed!]);

      expect((revealed!.data as { attributes: { givenName: string } }).attributes.givenName).toBe('Edvin');
      const after = (await other.pool.query<KeyRow>('SELECT key_material, wrapped_at FROM tenure_personal_data_keys')).rows[0]!;
      expect(after.wrapped_at).toBeInstanceOf(Date);
      expect(after.key_material.includes(before.key_material)).toBe(false);
      expect(await new PersonalDataKeys(other.pool, master).wrapUnwrappedKeys()).toBe(0);
    } finally {
      await other.drop();
    }
  });

  it('given a destroyed key, when read with the right master key, then the value reads as erased (erasure is unchanged)', async () => {
    const vault = new PersonalDataVault(database.pool, master);
    const [sealed] = await vault.protect('identity-2005', [hired('2005', 'Sigrid')]);
    await vault.keys.destroy('identity-2005', 'test erasure');

    const [revealed] = await vault.reveal([{ ...sealed!, metadata: { eventId: randomIds.newId() } }]);

    expect((revealed!.data as { attributes: { givenName: string } }).attributes.givenName).toBe('[erased]');
  });
});
