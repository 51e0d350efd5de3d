import { ConfigurationError } from '@tenure/platform';
import { migrate } from '@tenure/event-store-postgres';
import { PersonalDataKeyUnusable, PersonalDataVault } from '@tenure/personal-data';
import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import { createSecretKey, randomBytes } from 'node:crypto';
import { createServiceApp } from '../app/create-service-app';
import type { ServiceConfig } from '../config/service-config';
import { sampleService } from '../testing/sample-service';

jest.setTimeout(20_000);

const hired = (employeeNumber: string) => ({
  type: 'IdentityHired',
  data: { employeeNumber, attributes: { givenName: 'Ingrid', familyName: 'Nyqvist', email: 'ingrid@example.com', custom: {} } },
});

describe('a service and the master key of personal data (PERSONAL_DATA_KEY)', () => {
  let database: TestDatabase;
  const masterBytes = randomBytes(32);
  const config = (overrides: Partial<ServiceConfig>): ServiceConfig => ({
    PORT: 0,
    HOST: '127.0.0.1',
    DATABASE_URL: database.url,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    ...overrides,
  });

  beforeEach(async () => {
    database = await createTestDatabase(2);
    await migrate(database.pool);
  });
  afterEach(() => database.drop());

  it('given production without PERSONAL_DATA_KEY, when the service starts, then it refuses, naming the variable', async () => {
    const start = createServiceApp(sampleService, config({ NODE_ENV: 'production' }));

    await expect(start).rejects.toThrow(ConfigurationError);
    await expect(createServiceApp(sampleService, config({ NODE_ENV: 'production' }))).rejects.toThrow(
      /PERSONAL_DATA_KEY: required in production \(not set\)/,
    );
  });

  it('given keys wrapped with another master key, when the service starts, then it refuses with the problem named', async () => {
    await new PersonalDataVault(database.pool, { key: createSecretKey(masterBytes) }).protect('identity-1001', [hired('1001')]);

    const start = createServiceApp(sampleService, config({ PERSONAL_DATA_KEY: randomBytes(32).toString('base64') }));

    await expect(start).rejects.toThrow(PersonalDataKeyUnusable);
    await expect(start).rejects.toThrow(/does not unwrap with PERSONAL_DATA_KEY: it is not the master key that wrapped the stored keys/);
  });

  it('given keys stored unwrapped by an earlier version, when the service starts with a master key, then it wraps them', async () => {
    await new PersonalDataVault(database.pool, null).protect('identity-1002', [hired('1002')]);

    const app = await createServiceApp(sampleService, config({ PERSONAL_DATA_KEY: masterBytes.toString('hex') }));
    await app.close();

    const { rows } = await database.pool.query<{ wrapped_at: Date | null; bytes: number }>(
      'SELECT wrapped_at, octet_length(key_material) AS bytes FROM tenure_personal_data_keys',
    );
    expect(rows).toEqual([{ wrapped_at: expect.any(Date), bytes: 60 }]);
  });
});
