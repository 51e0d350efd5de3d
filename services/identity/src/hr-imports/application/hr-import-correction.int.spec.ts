import type { Actor, Clock } from '@tenure/event-sourcing';
import type { IdentityDirectoryRow } from '../../read-model/identity-directory.table';
import { findHrImportRun } from '../read-model/hr-import-runs.queries';
import { companyCsv, csv, row, startHrImportHarness, type HrImportHarness } from '../testing/hr-import-harness';
import { hrImportStreamId } from './hr-import-streams';

const clock: Clock = { now: () => new Date('2026-05-10T08:00:00Z') };
const nightly: Actor = { kind: 'hr-feed', id: 'nightly-csv' };
const admin: Actor = { kind: 'person', id: 'admin-1' };

describe('correcting a rejected HR record on PostgreSQL', () => {
  let harness: HrImportHarness;
  beforeEach(async () => {
    harness = await startHrImportHarness(clock);
  });
  afterEach(() => harness.stop());

  async function identity(employeeNumber: string): Promise<IdentityDirectoryRow | undefined> {
    await harness.caughtUp();
    const { rows } = await harness.database.pool.query<IdentityDirectoryRow>(
      'SELECT * FROM identity_directory WHERE employee_number = $1',
      [employeeNumber],
    );
    return rows[0];
  }

  async function rejectedAt(runId: string, line: number) {
    await harness.caughtUp();
    return (await findHrImportRun(harness.database.pool, runId))?.errors.find((error) => error.line === line);
  }

  /** A file of three people where 2002's row (line 4) has an impossible start date. */
  async function importWithBadDate() {
    const content = csv(row('2000'), row('2001', { manager_employee_number: '2000' }), row('2002', { start_date: '2026-13-01' }));
    return harness.service.importCsv({ fileName: 'bad.csv', content, complete: false, actor: nightly });
  }

  it('given a rejected row, when an administrator corrects its field, then the identity exists with the corrected values and the record shows corrected', async () => {
    const run = await importWithBadDate();
    expect(await identity('2002')).toBeUndefined();

    const corrected = await harness.service.correctRecord(
      run.runId,
      4,
      [
        { column: 'start_date', value: '2026-01-12' },
        { column: 'Manager Employee Number', value: '2000' },
      ],
      admin,
    );

    expect(corrected).toEqual({ runId: run.runId, line: 4, employeeNumber: '2002', result: 'applied', changes: ['hire'], warnings: [] });
    expect(await identity('2002')).toMatchObject({
      status: 'active',
      given_name: 'Given2002',
      manager_employee_number: '2000',
      start_date: '2026-01-12',
    });
    const hired = await harness.store.readStream('identity-2002');
    expect(hired[0]).toMatchObject({ data: { source: { kind: 'csv', reference: run.runId } }, metadata: { actor: admin } });
    expect(await rejectedAt(run.runId, 4)).toMatchObject({
      stage: 'rejected',
      raw: { start_date: '2026-13-01' },
      corrected_by: 'admin-1',
      correction_result: 'applied',
      corrected_raw: { start_date: '2026-01-12', manager_employee_number: '2000', email: 'p2002@example.com' },
    });
    const { run: after } = (await findHrImportRun(harness.database.pool, run.runId))!;
    expect(after).toMatchObject({ status: 'completed', rejected: 1, corrected: 1, counts: { hires: 2, rejected: 1 } });
  });

  it('given a rejected row, when the correction is still invalid, then it is refused naming the run, record, field and problem, and the record stays rejected', async () => {
    const run = await importWithBadDate();
    const before = await harness.store.readStream(hrImportStreamId(run.runId));

    await expect(
      harness.service.correctRecord(
        run.runId,
        4,
        [
          { column: 'start_date', value: '2026-02-30' },
          { column: 'email', value: 'not-an-email' },
        ],
        admin,
      ),
    ).rejects.toMatchObject({
      code: 'validation',
      message:
        `HR import ${run.runId}, line 4 (employee 2002): the correction is not valid, so the record stays rejected: ` +
        'email "not-an-email" is not an email address; start_date "2026-02-30" is not a date (YYYY-MM-DD)',
    });
    await expect(harness.service.correctRecord(run.runId, 4, [{ column: 'division', value: 'x' }], admin)).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringContaining('column "division" is not a column of the HR file'),
    });

    expect(await harness.store.readStream(hrImportStreamId(run.runId))).toHaveLength(before.length);
    expect(await identity('2002')).toBeUndefined();
    expect(await rejectedAt(run.runId, 4)).toMatchObject({ corrected_at: null, correction_result: null });
  });

  it('given a corrected record, when it is corrected again, then it is refused and nothing changes', async () => {
    const run = await importWithBadDate();
    await harness.service.correctRecord(run.runId, 4, [{ column: 'start_date', value: '2026-01-12' }], admin);
    const events = await harness.identityEventCount();

    await expect(harness.service.correctRecord(run.runId, 4, [{ column: 'start_date', value: '2026-01-19' }], admin)).rejects.toMatchObject(
      {
        code: 'illegal_state',
        message: `HR import ${run.runId}, line 4 (employee 2002) was already corrected: a record is corrected once; send later changes in the next HR file`,
      },
    );
    await expect(harness.service.correctRecord(run.runId, 9, [], admin)).rejects.toMatchObject({ code: 'not_found' });
    expect(await harness.identityEventCount()).toBe(events);
    expect((await identity('2002'))?.start_date).toBe('2026-01-12');
  });

  it('given a correction that would close a manager cycle with the directory, then it is refused naming the field, and can be corrected again', async () => {
    // 2000's row is rejected; its reports 2001 and 2002 (under 2001) are accepted and wait for their manager.
    const content = csv(
      row('2000', { start_date: 'soon' }),
      row('2001', { manager_employee_number: '2000' }),
      row('2002', { manager_employee_number: '2001' }),
    );
    const run = await harness.service.importCsv({ fileName: 'top-missing.csv', content, complete: false, actor: nightly });
    const start = { column: 'start_date', value: '2026-01-12' };

    await expect(
      harness.service.correctRecord(run.runId, 2, [start, { column: 'manager_employee_number', value: '2002' }], admin),
    ).rejects.toMatchObject({
      code: 'validation',
      message:
        `HR import ${run.runId}, line 2 (employee 2000): the correction is not valid, so the record stays rejected: ` +
        'manager_employee_number "2002" makes a manager cycle 2000 → 2002 → 2001 → 2000: every person in it is held',
    });
    expect(await identity('2000')).toBeUndefined();

    expect(await harness.service.correctRecord(run.runId, 2, [start], admin)).toMatchObject({ result: 'applied', changes: ['hire'] });
    expect((await identity('2000'))?.manager_employee_number).toBeNull();
  });

  it('given duplicated rows, when each is resubmitted, then the first becomes the person and the second is refused as the same person', async () => {
    const content = csv(row('3000', { given_name: 'First' }), row('3000', { given_name: 'Second' }));
    const run = await harness.service.importCsv({ fileName: 'dup.csv', content, complete: false, actor: nightly });
    expect(run.rejected.map((rejected) => rejected.line)).toEqual([2, 3]);

    expect(await harness.service.correctRecord(run.runId, 3, [], admin)).toMatchObject({ result: 'applied', employeeNumber: '3000' });
    await expect(harness.service.correctRecord(run.runId, 2, [], admin)).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringContaining('employee_number "3000" was already corrected on line 3 of this file'),
    });
    expect((await identity('3000'))?.given_name).toBe('Second');
  });

  it('given a rejected row already brought in by a later file, when it is corrected to the same record, then it is recorded as unchanged', async () => {
    const run = await importWithBadDate();
    await harness.service.importCsv({
      fileName: 'next.csv',
      content: csv(row('2002', { start_date: '2026-01-12' })),
      complete: false,
      actor: nightly,
    });
    const events = await harness.identityEventCount();

    const corrected = await harness.service.correctRecord(run.runId, 4, [{ column: 'start_date', value: '2026-01-12' }], admin);

    expect(corrected).toMatchObject({ result: 'unchanged', changes: [] });
    expect(await harness.identityEventCount()).toBe(events);
    expect(await rejectedAt(run.runId, 4)).toMatchObject({ correction_result: 'unchanged', corrected_by: 'admin-1' });
  });

  it('given two administrators correcting the same record at once, then one applies it and the other is refused before applying anything', async () => {
    const run = await harness.service.importCsv({
      fileName: 'c.csv',
      content: companyCsv(2, 4000) + row('4002', { email: 'x' }) + '\n',
      complete: false,
      actor: nightly,
    });
    const attempts = await Promise.allSettled(
      ['a@example.com', 'b@example.com'].map((email) =>
        harness.service.correctRecord(run.runId, 4, [{ column: 'email', value: email }], admin),
      ),
    );

    expect(attempts.map((attempt) => attempt.status).sort()).toEqual(['fulfilled', 'rejected']);
    const winner = attempts.findIndex((attempt) => attempt.status === 'fulfilled');
    expect((await identity('4002'))?.email).toBe(['a@example.com', 'b@example.com'][winner]);
    expect((await harness.store.readStream('identity-4002')).map((event) => event.type)).toEqual(['IdentityHired', 'IdentityActivated']);
  });
});
