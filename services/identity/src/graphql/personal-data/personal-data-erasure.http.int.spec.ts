import { ERASED_MARKER } from '@tenure/contracts';
import { PostgresEventStore, rebuildProjection, verifyEventLog } from '@tenure/event-store-postgres';
import { leftoversIn } from '@tenure/personal-data/testing';
import { mintCallerToken, startLocalService, type LocalService } from '@tenure/service-runtime';
import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import { identityService } from '../../app';
import { IdentityCommands } from '../../application/identity-commands';
import { identityDirectoryProjection } from '../../read-model/identity-directory.projection';
import { CSV, hrRecord } from '../testing/identity-graph';

// Erasure on legal request, end to end in the identity service: the mutation, the live directory,
// the log (raw and read), the hash chains, and a rebuild of the directory from position 0.
const ADMIN_TOKEN = 'erasure-admin-token';
const CALLER_TOKEN_SECRET = 'erasure-caller-token-secret-0123456789';
const SECRETS = ['Ingrid', 'Nyqvist', 'ingrid.nyqvist@example.com', '+33 6 12 34 56 78'];
const ERASE = (identityId: string) => `mutation {
  erasePersonalData(identityId: "${identityId}", legalReference: "GDPR art. 17, request 2026-041") {
    id employeeNumber status givenName familyName displayName email personalDataErased customAttributes { name value } department
  }
}`;

interface Erased {
  readonly erasePersonalData: {
    readonly employeeNumber: string;
    readonly status: string;
    readonly givenName: string;
    readonly familyName: string;
    readonly displayName: string;
    readonly email: string;
    readonly personalDataErased: boolean;
    readonly customAttributes: readonly { name: string; value: string }[];
    readonly department: string;
  };
}

describe('erasePersonalData over HTTP', () => {
  let database: TestDatabase;
  let identity: LocalService;
  let identityRunning = false;
  let store: PostgresEventStore;
  let leaverId: string;
  let employeeId: string;

  beforeAll(async () => {
    database = await createTestDatabase(2);
    process.env['ADMIN_TOKENS'] = ADMIN_TOKEN;
    process.env['CALLER_TOKEN_SECRET'] = CALLER_TOKEN_SECRET;
    identity = await startLocalService(identityService, database.url);
    identityRunning = true;
    store = new PostgresEventStore({ connectionString: database.url, poolSize: 2 });
    const commands = identity.app.get(IdentityCommands);
    const origin = { actor: { kind: 'hr-feed', id: 'nightly-csv' }, correlationId: 'erasure-test' } as const;
    const leaver = hrRecord(
      '8201',
      { givenName: 'Ingrid', familyName: 'Nyqvist', email: 'ingrid.nyqvist@example.com', custom: { phone: '+33 6 12 34 56 78' } },
      { startDate: '2024-01-08' },
    );
    leaverId = (await commands.syncFromHr(leaver, CSV, origin)).events[0]!.data.identityId;
    await commands.syncFromHr({ ...leaver, terminationDate: '2026-01-31', active: false }, CSV, origin);
    employeeId = (await commands.syncFromHr(hrRecord('8202', {}, { startDate: '2024-01-08' }), CSV, origin)).events[0]!.data.identityId;
  });

  afterAll(async () => {
    if (identityRunning) await identity.close();
    await store?.close();
    await database?.drop();
    delete process.env['ADMIN_TOKENS'];
    delete process.env['CALLER_TOKEN_SECRET'];
  });

  it('given a person who is not an administrator, when they ask for an erasure, then it is forbidden', async () => {
    const auditor = await mintCallerToken(CALLER_TOKEN_SECRET, '8202', { roles: ['auditor'] });

    const { errors } = await identity.graphql(ERASE(leaverId), auditor);

    expect(errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
  });

  it('given an active employee, when an administrator asks for an erasure, then it is refused naming the person and why', async () => {
    const { errors } = await identity.graphql(ERASE(employeeId), ADMIN_TOKEN);

    expect(errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('employee 8202 is active: their personal data cannot be erased while they are employed'),
        extensions: expect.objectContaining({ code: 'FAILED_PRECONDITION' }),
      }),
    ]);
  });

  it('given a former employee, when an administrator erases them, then the directory shows them erased and keeps the rest', async () => {
    expect(await leftoversIn(database.pool, 'identity_directory', SECRETS)).not.toEqual([]);

    const { data, errors } = await identity.graphql<Erased>(ERASE(leaverId), ADMIN_TOKEN);

    expect(errors).toBeUndefined();
    expect(data?.erasePersonalData).toEqual({
      id: leaverId,
      employeeNumber: '8201',
      status: 'TERMINATED',
      givenName: ERASED_MARKER,
      familyName: ERASED_MARKER,
      displayName: ERASED_MARKER,
      email: ERASED_MARKER,
      personalDataErased: true,
      customAttributes: [{ name: 'phone', value: ERASED_MARKER }],
      department: 'Engineering',
    });
    expect(await leftoversIn(database.pool, 'identity_directory', SECRETS)).toEqual([]);
  });

  it('given the erasure, when the log is read raw and through the store, then no personal value appears, and the erasure is recorded', async () => {
    expect(await leftoversIn(database.pool, 'tenure_events', SECRETS)).toEqual([]);

    const events = await store.readStream('identity-8201');
    expect(SECRETS.filter((secret) => JSON.stringify(events.map((event) => event.data)).includes(secret))).toEqual([]);
    expect(events.at(-1)).toMatchObject({
      type: 'PersonalDataErased',
      data: { employeeNumber: '8201', legalReference: 'GDPR art. 17, request 2026-041', erasedBy: 'person:admin-token' },
    });
    expect(events[0]!.data).toMatchObject({ attributes: { givenName: ERASED_MARKER, department: 'Engineering' } });
    // The employee who was not erased still reads in full.
    expect((await store.readStream('identity-8202'))[0]!.data).toMatchObject({ attributes: { givenName: 'Given8202' } });
  });

  it('given the erasure, when the hash chains are verified, then the log is intact', async () => {
    const report = await verifyEventLog(database.pool);

    expect(report.findings).toEqual([]);
    expect(report.intact).toBe(true);
  });

  it('given the erasure, when the directory is rebuilt from position 0, then it holds the same erased row and none of the old values', async () => {
    const before = await database.pool.query('SELECT given_name, email, custom, state FROM identity_directory WHERE employee_number = $1', [
      '8201',
    ]);
    // A rebuild needs the live runner stopped: the service is.
    await identity.close();
    identityRunning = false;

    await rebuildProjection(store.pool, store.wakeups, identityDirectoryProjection);

    expect(await leftoversIn(database.pool, 'identity_directory', SECRETS)).toEqual([]);
    const after = await database.pool.query('SELECT given_name, email, custom, state FROM identity_directory WHERE employee_number = $1', [
      '8201',
    ]);
    expect(after.rows).toEqual(before.rows);
  });
});
