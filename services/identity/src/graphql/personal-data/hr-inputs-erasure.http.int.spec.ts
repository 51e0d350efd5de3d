import { ERASED_MARKER } from '@tenure/contracts';
import { PostgresEventStore, rebuildProjection, verifyEventLog } from '@tenure/event-store-postgres';
import { leftoversIn } from '@tenure/personal-data/testing';
import { startLocalService, type LocalService } from '@tenure/service-runtime';
import { createTestDatabase, postGraphql, type TestDatabase } from '@tenure/testing';
import { identityService } from '../../app';
import { IdentityBackground } from '../../application/identity-background';
import { HrImportService, hrImportRunsProjection } from '../../hr-imports';
import { HrImportsBackground } from '../../hr-imports/hr-imports-background';
import { csv, row } from '../../hr-imports/testing/hr-import-harness';
import { feedGuardProjection } from '../../hr-inputs/feed-guard';

// Erasure reaches the HR inputs' own records: a rejected import row and a held feed change of the
// person hold their name and email (sealed under their key in the log, in clear in the read models
// until the erasure). After it: the raw log, the read models, the same read models rebuilt from
// position 0, and the GraphQL answers the `hr-import-errors` evidence export reads hold none of them.
const SCIM_TOKEN = 'hr-erasure-scim-token';
const ADMIN_TOKEN = 'hr-erasure-admin-token';
const ENV = { SCIM_TOKENS: SCIM_TOKEN, ADMIN_TOKENS: ADMIN_TOKEN, MASS_CHANGE_MAX_COUNT: '2', MASS_CHANGE_MIN_COUNT_FOR_SHARE: '100' };
const SECRETS = ['Ingrid', 'Nyqvist', 'ingrid.nyqvist@'];
const READ_MODELS = ['hr_import_runs', 'hr_import_record_errors', 'hr_feed_holds', 'hr_feed_held_changes', 'hr_feed_changes'];

// The evidence export's own query (libs/evidence-export/src/kinds/hr-import-errors.ts) and the held bursts' page.
const EVIDENCE_QUERY = `{ hrImportRuns(first: 100) { edges { node { id fileName status fileErrors
  rejectedRecords { line employeeNumber errors raw { name value } corrected correctedAt correctedBy correctionResult } } } } }`;
const HOLDS_QUERY = `{ hrFeedHolds { id status changes { employeeNumber description kinds } } }`;

describe('erasure of a person’s HR import and feed-guard records', () => {
  jest.setTimeout(60_000);
  let database: TestDatabase;
  let identity: LocalService;
  let identityRunning = false;
  let store: PostgresEventStore;
  const ids = new Map<string, string>();

  const graphql = <Data>(query: string) => postGraphql<Data>(identity.url, query, {}, ADMIN_TOKEN);

  async function scim(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> | null }> {
    const response = await fetch(`${identity.url}/scim/v2${path}`, {
      method,
      headers: { authorization: `Bearer ${SCIM_TOKEN}`, 'content-type': 'application/scim+json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
  }

  async function createUser(userName: string, givenName: string, familyName: string, email: string): Promise<void> {
    const created = await scim('POST', '/Users', {
      userName,
      name: { givenName, familyName },
      emails: [{ value: email, type: 'work' }],
      title: 'Analyst',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'Finance' },
      'urn:ietf:params:scim:schemas:extension:tenure:hr:2.0:User': { startDate: '2024-02-01' },
    });
    expect(created.status).toBe(201);
    ids.set(userName, String(created.body!['id']));
  }

  const remove = (userName: string) => scim('DELETE', `/Users/${ids.get(userName)}`);

  async function caughtUp(): Promise<void> {
    await identity.app.get(IdentityBackground).directoryCaughtUp();
    await identity.app.get(HrImportsBackground).runsCaughtUp();
  }

  async function readModelLeftovers(): Promise<Record<string, string[]>> {
    const found: Record<string, string[]> = {};
    for (const table of READ_MODELS) {
      const rows = await leftoversIn(database.pool, table, SECRETS);
      if (rows.length > 0) found[table] = rows;
    }
    return found;
  }

  /** The data of E-9's held change and rejected row as the store reads them, by event type. */
  async function hrInputRecordsRead(): Promise<Record<string, string>> {
    const events = await store.readAll({ filter: { eventTypes: ['HrFeedChangeHeld', 'HrImportRecordRejected'] } });
    const ofE9 = events.filter((event) => JSON.stringify(event.data).includes('"E-9"'));
    const sync = ofE9.filter((event) => event.type !== 'HrFeedChangeHeld' || JSON.stringify(event.data).includes('"sync"'));
    return Object.fromEntries(sync.map((event) => [event.type, JSON.stringify(event.data)]));
  }

  const snapshot = async () => ({
    errors: (
      await database.pool.query(
        'SELECT run_id, stage, line, employee_number, raw, errors, corrected_raw FROM hr_import_record_errors ORDER BY run_id, seq',
      )
    ).rows,
    held: (await database.pool.query('SELECT hold_id, employee_number, kinds, description FROM hr_feed_held_changes ORDER BY seq')).rows,
  });

  beforeAll(async () => {
    database = await createTestDatabase(2);
    Object.assign(process.env, ENV);
    try {
      identity = await startLocalService(identityService, database.url);
      identityRunning = true;
    } finally {
      for (const name of Object.keys(ENV)) delete process.env[name];
    }
    store = new PostgresEventStore({ connectionString: database.url, poolSize: 2 });
    await createUser('E-1', 'Test', 'One', 'e-1@example.com');
    await createUser('E-2', 'Test', 'Two', 'e-2@example.com');
    await createUser('E-9', 'Ingrid', 'Nyqvist', 'ingrid.nyqvist@example.com');

    // A burst: the third termination (E-9's) is held, and E-9's next change (her whole record) waits behind it.
    expect((await remove('E-1')).status).toBe(204);
    expect((await remove('E-2')).status).toBe(204);
    expect((await remove('E-9')).status).toBe(202);
    const renamed = await scim('PATCH', `/Users/${ids.get('E-9')}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', path: 'title', value: 'Controller' }],
    });
    expect(renamed.status).toBe(202);
    const holds = await graphql<{ hrFeedHolds: { id: string }[] }>(HOLDS_QUERY);
    const holdId = holds.data!.hrFeedHolds[0]!.id;
    expect((await graphql(`mutation { discardHrFeedHold(id: "${holdId}", reason: "test burst") { id } }`)).errors).toBeUndefined();

    // An import whose row for E-9 is rejected (its email is not valid: the error quotes it), and a row that names nobody.
    await identity.app.get(HrImportService).importCsv({
      fileName: 'nightly.csv',
      content: csv(
        row('E-9', { given_name: 'Ingrid', family_name: 'Nyqvist', email: 'ingrid.nyqvist@' }),
        row('', { given_name: 'Nameless', email: 'nameless@example.com' }),
      ),
      complete: false,
      actor: { kind: 'person', id: 'admin' },
    });

    // E-9 leaves (the decision restarted the window: this termination is the first counted).
    expect((await remove('E-9')).status).toBe(204);
    await caughtUp();
  });

  afterAll(async () => {
    if (identityRunning) await identity.close();
    await store?.close();
    await database?.drop();
  });

  it('given the person’s rejected row and held change, when the log is read raw, then their name and email are sealed', async () => {
    expect(await leftoversIn(database.pool, 'tenure_events', [...SECRETS, 'Nameless'])).toEqual([]);
    // Before the erasure, the read models and the evidence show them: that is what the erasure must take away.
    expect(Object.keys(await readModelLeftovers())).toEqual(['hr_import_record_errors']);
    expect(JSON.stringify((await graphql(EVIDENCE_QUERY)).data)).toContain('ingrid.nyqvist@');
    // Read through the store, the held change and the rejected row reveal them.
    expect(await hrInputRecordsRead()).toEqual({
      HrFeedChangeHeld: expect.stringContaining('ingrid.nyqvist@example.com'),
      HrImportRecordRejected: expect.stringContaining('Nyqvist'),
    });
  });

  it('given the erasure, then the read models, the evidence’s GraphQL answers and the log as read hold none of it', async () => {
    const erased = await graphql(`mutation { erasePersonalData(identityId: "${ids.get('E-9')}", legalReference: "GDPR-17 HR-1") { id } }`);
    expect(erased.errors).toBeUndefined();
    await caughtUp();

    expect(await readModelLeftovers()).toEqual({});
    const evidence = await graphql<{
      hrImportRuns: {
        edges: {
          node: { rejectedRecords: { employeeNumber: string | null; errors: string[]; raw: { name: string; value: string }[] }[] };
        }[];
      };
    }>(EVIDENCE_QUERY);
    expect(evidence.errors).toBeUndefined();
    const answer = JSON.stringify(evidence.data);
    expect(SECRETS.filter((secret) => answer.includes(secret))).toEqual([]);
    const rejected = evidence.data!.hrImportRuns.edges[0]!.node.rejectedRecords;
    const erasedRow = rejected.find((record) => record.employeeNumber === 'E-9')!;
    expect(erasedRow.errors).toEqual([ERASED_MARKER]);
    expect(new Set(erasedRow.raw.map((value) => value.value))).toEqual(new Set([ERASED_MARKER]));
    expect(erasedRow.raw.map((value) => value.name)).toContain('email');
    // The row that names nobody cannot be erased per person (docs/personal-data.md): it stays readable.
    expect(answer).toContain('Nameless');
    const holds = JSON.stringify((await graphql(HOLDS_QUERY)).data);
    expect(SECRETS.filter((secret) => holds.includes(secret))).toEqual([]);

    const log = JSON.stringify((await store.readAll()).map((event) => event.data));
    expect(SECRETS.filter((secret) => log.includes(secret))).toEqual([]);
    expect(await hrInputRecordsRead()).toEqual({
      HrFeedChangeHeld: expect.stringContaining(ERASED_MARKER),
      HrImportRecordRejected: expect.stringContaining(ERASED_MARKER),
    });
    expect(await leftoversIn(database.pool, 'tenure_events', SECRETS)).toEqual([]);
    expect((await verifyEventLog(database.pool)).intact).toBe(true);
  });

  it('given the erasure, when the HR import and feed-guard read models are rebuilt from position 0, then they are the same rows, with none of it', async () => {
    const live = await snapshot();
    await identity.close();
    identityRunning = false;

    await rebuildProjection(store.pool, store.wakeups, hrImportRunsProjection);
    await rebuildProjection(store.pool, store.wakeups, feedGuardProjection);

    expect(await snapshot()).toEqual(live);
    expect(await readModelLeftovers()).toEqual({});
  });
});
