import { type LocalService, startLocalService } from '@tenure/service-runtime';
import { createTestDatabase, postGraphql, type TestDatabase } from '@tenure/testing';
import { identityService } from '../../app';
import { csv, row } from '../../hr-imports/testing/hr-import-harness';

// correctHrImportRecord on the identity service as it runs (HTTP, Nest, projections, the subgraph schema).
const ADMIN_TOKEN = 'test-admin-token';

interface RejectedRecord {
  line: number;
  employeeNumber: string;
  corrected: boolean;
  correctedAt: string | null;
  correctedBy: string | null;
  correctionResult: string | null;
  correctedValues: { name: string; value: string }[] | null;
}

interface Run {
  id: string;
  counts: { rejected: number; corrected: number; hires: number };
  rejectedRecords: RejectedRecord[];
}

const RUN_FIELDS = `id counts { rejected corrected hires }
  rejectedRecords { line employeeNumber corrected correctedAt correctedBy correctionResult correctedValues { name value } }`;
const CORRECT = `mutation Correct($runId: ID!, $line: Int!, $values: [HrRecordValueInput!]!) {
  correctHrImportRecord(runId: $runId, line: $line, values: $values) { ${RUN_FIELDS} } }`;

describe('correcting a rejected HR record over the identity subgraph', () => {
  let database: TestDatabase;
  let identity: LocalService;

  beforeAll(async () => {
    process.env['ADMIN_TOKENS'] = ADMIN_TOKEN;
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

  async function importFile(fileName: string, content: string): Promise<Run> {
    const { data, errors } = await graphql<{ importHrFile: Run }>(
      `mutation Import($fileName: String!, $csv: String!) { importHrFile(fileName: $fileName, csv: $csv) { ${RUN_FIELDS} } }`,
      { fileName, csv: content },
    );
    expect(errors).toBeUndefined();
    return data!.importHrFile;
  }

  async function person(employeeNumber: string) {
    const { data } = await graphql<{ identityByEmployeeNumber: { status: string; startDate: string } | null }>(
      `{ identityByEmployeeNumber(employeeNumber: "${employeeNumber}") { status startDate } }`,
    );
    return data?.identityByEmployeeNumber ?? null;
  }

  it('given a malformed row, when an administrator corrects it, then the identity exists and the record shows corrected by them', async () => {
    const run = await importFile('bad-date.csv', csv(row('7000'), row('7001', { start_date: '2026-13-01' })));
    expect(run.rejectedRecords).toEqual([
      expect.objectContaining({ line: 3, employeeNumber: '7001', corrected: false, correctedAt: null, correctedValues: null }),
    ]);

    const { data, errors } = await graphql<{ correctHrImportRecord: Run }>(CORRECT, {
      runId: run.id,
      line: 3,
      values: [{ column: 'start_date', value: '2026-01-12' }],
    });

    expect(errors).toBeUndefined();
    const corrected = data!.correctHrImportRecord;
    expect(corrected.counts).toEqual({ rejected: 1, corrected: 1, hires: 1 });
    expect(corrected.rejectedRecords).toEqual([
      expect.objectContaining({ line: 3, corrected: true, correctedBy: 'admin-token', correctionResult: 'applied' }),
    ]);
    expect(corrected.rejectedRecords[0]!.correctedAt).not.toBeNull();
    expect(corrected.rejectedRecords[0]!.correctedValues).toContainEqual({ name: 'start_date', value: '2026-01-12' });
    expect(await person('7001')).toEqual({ status: 'ACTIVE', startDate: '2026-01-12' });

    const again = await graphql(CORRECT, { runId: run.id, line: 3, values: [] });
    expect(again.errors?.[0]).toMatchObject({
      message: `HR import ${run.id}, line 3 (employee 7001) was already corrected: a record is corrected once; send later changes in the next HR file`,
      extensions: { code: 'FAILED_PRECONDITION' },
    });
  });

  it('given a malformed row, when the correction is still invalid, then the error names the record, the field and the problem, and the record stays rejected', async () => {
    const run = await importFile('bad-email.csv', csv(row('7100', { email: 'nobody' })));

    const { errors } = await graphql(CORRECT, { runId: run.id, line: 2, values: [{ column: 'Email', value: 'still nobody' }] });

    expect(errors?.[0]).toMatchObject({
      message: `HR import ${run.id}, line 2 (employee 7100): the correction is not valid, so the record stays rejected: email "still nobody" is not an email address`,
      extensions: { code: 'BAD_USER_INPUT', details: { runId: run.id, line: 2, employeeNumber: '7100' } },
    });
    const { data } = await graphql<{ hrImportRun: Run }>(`{ hrImportRun(id: "${run.id}") { ${RUN_FIELDS} } }`);
    expect(data?.hrImportRun.rejectedRecords).toEqual([expect.objectContaining({ line: 2, corrected: false })]);
    expect(await person('7100')).toBeNull();
  });

  it('given no token or a wrong one, then a correction is refused and the record stays rejected', async () => {
    const run = await importFile('bad-type.csv', csv(row('7200', { employment_type: 'pirate' })));
    const values = [{ column: 'employment_type', value: 'employee' }];

    const anonymous = await graphql(CORRECT, { runId: run.id, line: 2, values }, null);
    const wrong = await graphql(CORRECT, { runId: run.id, line: 2, values }, 'not-an-admin-token');

    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0]).toMatchObject({
      message: 'correctHrImportRecord is refused: the bearer token is neither an administrator token nor a caller token from the gateway',
      extensions: { code: 'FORBIDDEN' },
    });
    expect(await person('7200')).toBeNull();
    const { data } = await graphql<{ hrImportRun: Run }>(`{ hrImportRun(id: "${run.id}") { ${RUN_FIELDS} } }`);
    expect(data?.hrImportRun.counts.corrected).toBe(0);
  });
});
