import { type LocalService, startLocalService } from '@tenure/service-runtime';
import { createTestDatabase, postGraphql, type TestDatabase } from '@tenure/testing';
import { identityService } from '../../app';
import { companyCsv, csv, row } from '../../hr-imports/testing/hr-import-harness';

// The identity service as it runs (HTTP, Nest, projections, subgraph schema) on PostgreSQL; the
// mutations carry an administrator token from ADMIN_TOKENS, as an administrator's client would.
const ADMIN_TOKEN = 'test-admin-token';

interface Run {
  id: string;
  status: string;
  counts: Record<string, number>;
  heldReasons: string[];
  decidedBy: string | null;
  discardReason: string | null;
  completedAt: string | null;
  rejectedRecords: { line: number; employeeNumber: string; errors: string[]; raw: { name: string; value: string }[] }[];
  failedChanges: { employeeNumber: string; error: string }[];
}

const RUN_FIELDS = `id fileName status complete startedAt completedAt heldReasons decidedBy discardReason
  counts { rows accepted rejected hires rehires movers updates leavers failed }
  rejectedRecords { line employeeNumber errors raw { name value } } failedChanges { employeeNumber error }`;
const IMPORT = `mutation Import($fileName: String!, $csv: String!, $complete: Boolean) {
  importHrFile(fileName: $fileName, csv: $csv, complete: $complete) { ${RUN_FIELDS} } }`;

describe('HR import runs over the identity subgraph', () => {
  let database: TestDatabase;
  let identity: LocalService;

  beforeAll(async () => {
    process.env['ADMIN_TOKENS'] = `another-admin-token, ${ADMIN_TOKEN}`;
    database = await createTestDatabase(2);
    identity = await startLocalService(identityService, database.url);
  });

  afterAll(async () => {
    delete process.env['ADMIN_TOKENS'];
    await identity?.close();
    await database?.drop();
  });

  const graphql = <Data>(query: string, variables: Record<string, unknown> = {}, token: string | null = ADMIN_TOKEN) =>
    postGraphql<Data>(identity.url, query, variables, token);

  async function importFile(fileName: string, content: string, complete = false): Promise<Run> {
    const { data, errors } = await graphql<{ importHrFile: Run }>(IMPORT, { fileName, csv: content, complete });
    expect(errors).toBeUndefined();
    return data!.importHrFile;
  }

  async function statusOf(employeeNumber: string): Promise<string | undefined> {
    const { data } = await graphql<{ identityByEmployeeNumber: { status: string } | null }>(
      `{ identityByEmployeeNumber(employeeNumber: "${employeeNumber}") { status } }`,
    );
    return data?.identityByEmployeeNumber?.status;
  }

  async function runCount(): Promise<number> {
    const { data } = await graphql<{ hrImportRuns: { edges: unknown[] } }>('{ hrImportRuns(first: 100) { edges { cursor } } }');
    return data!.hrImportRuns.edges.length;
  }

  it('given a clean file, when an administrator imports it, then the run is completed with its counts and the identities exist', async () => {
    const run = await importFile('company.csv', companyCsv(10));

    expect(run).toMatchObject({ status: 'COMPLETED', heldReasons: [], rejectedRecords: [], failedChanges: [] });
    expect(run.counts).toEqual({
      rows: 10,
      accepted: 10,
      rejected: 0,
      hires: 10,
      rehires: 0,
      movers: 0,
      updates: 0,
      leavers: 0,
      failed: 0,
    });
    expect(run.completedAt).not.toBeNull();
    expect(await statusOf('1000')).toBe('ACTIVE');
    expect(await statusOf('1009')).toBe('ACTIVE');
  });

  it('given a complete file missing half the company, then the run is held, a discard applies nothing and a confirmation applies the leavers', async () => {
    const held = await importFile('half.csv', companyCsv(5), true);
    expect(held.status).toBe('HELD');
    expect(held.heldReasons.length).toBeGreaterThan(0);
    expect(held.counts).toMatchObject({ rows: 5, leavers: 0 });

    const discarded = await graphql<{ discardHrImport: Run }>(
      `mutation { discardHrImport(runId: "${held.id}", reason: "truncated export") { ${RUN_FIELDS} } }`,
    );
    expect(discarded.errors).toBeUndefined();
    expect(discarded.data?.discardHrImport).toMatchObject({
      status: 'DISCARDED',
      discardReason: 'truncated export',
      decidedBy: 'admin-token',
    });
    expect(await statusOf('1009')).toBe('ACTIVE');

    const heldAgain = await importFile('half-again.csv', companyCsv(5), true);
    const list = await graphql<{ heldHrImportRuns: { id: string; heldReasons: string[] }[] }>('{ heldHrImportRuns { id heldReasons } }');
    expect(list.data?.heldHrImportRuns).toEqual([{ id: heldAgain.id, heldReasons: heldAgain.heldReasons }]);

    const confirmed = await graphql<{ confirmHrImport: Run }>(`mutation { confirmHrImport(runId: "${heldAgain.id}") { ${RUN_FIELDS} } }`);
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data?.confirmHrImport).toMatchObject({ status: 'COMPLETED', decidedBy: 'admin-token' });
    expect(confirmed.data?.confirmHrImport.counts).toMatchObject({ leavers: 5, failed: 0 });
    expect((await graphql<{ heldHrImportRuns: unknown[] }>('{ heldHrImportRuns { id } }')).data?.heldHrImportRuns).toEqual([]);
  });

  it('given a file with a malformed row, then the run keeps it as a rejected record with its line, the problem and the raw values', async () => {
    const run = await importFile('bad-date.csv', csv(row('3000'), row('3001', { start_date: '2026-13-01' })));

    expect(run.counts).toMatchObject({ rows: 2, accepted: 1, rejected: 1, hires: 1 });
    expect(run.rejectedRecords).toHaveLength(1);
    const [rejected] = run.rejectedRecords;
    expect(rejected).toMatchObject({ line: 3, employeeNumber: '3001' });
    expect(rejected!.errors.join(' ')).toContain('line 3 (employee 3001): start_date "2026-13-01"');
    expect(rejected!.raw).toEqual(
      expect.arrayContaining([
        { name: 'start_date', value: '2026-13-01' },
        { name: 'employee_number', value: '3001' },
      ]),
    );

    const { data } = await graphql<{ hrImportRun: Run }>(`{ hrImportRun(id: "${run.id}") { ${RUN_FIELDS} } }`);
    expect(data?.hrImportRun).toEqual(run);
  });

  it('given no token or a wrong one, then every mutation is refused and no run is recorded', async () => {
    const before = await runCount();

    const anonymous = await graphql(IMPORT, { fileName: 'x.csv', csv: companyCsv(2, 5000) }, null);
    const wrong = await graphql(IMPORT, { fileName: 'x.csv', csv: companyCsv(2, 5000) }, 'not-an-admin-token');
    const confirm = await graphql('mutation { confirmHrImport(runId: "any") { id } }', {}, 'not-an-admin-token');
    const discard = await graphql('mutation { discardHrImport(runId: "any", reason: "r") { id } }', {}, null);

    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0]).toMatchObject({
      message: 'importHrFile is refused: the bearer token is neither an administrator token nor a caller token from the gateway',
      extensions: { code: 'FORBIDDEN' },
    });
    expect(confirm.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(discard.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify([anonymous, wrong])).not.toContain('not-an-admin-token');
    expect(await runCount()).toBe(before);
    expect(await statusOf('5000')).toBeUndefined();
  });

  it('pages the runs newest first with a cursor', async () => {
    const first = await graphql<{
      hrImportRuns: { edges: { node: { fileName: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    }>('{ hrImportRuns(first: 2) { edges { node { fileName } } pageInfo { hasNextPage endCursor } } }');
    const next = await graphql<{ hrImportRuns: { edges: { node: { fileName: string } }[] } }>(
      'query Next($after: String) { hrImportRuns(first: 10, after: $after) { edges { node { fileName } } } }',
      { after: first.data?.hrImportRuns.pageInfo.endCursor },
    );

    expect(first.data?.hrImportRuns.edges.map((edge) => edge.node.fileName)).toEqual(['bad-date.csv', 'half-again.csv']);
    expect(first.data?.hrImportRuns.pageInfo.hasNextPage).toBe(true);
    expect(next.data?.hrImportRuns.edges.map((edge) => edge.node.fileName)).toEqual(['half.csv', 'company.csv']);
  });
});
