import { randomIds, type Actor, type Clock } from '@tenure/event-sourcing';
import type { IdentityDirectoryRow } from '../../read-model/identity-directory.table';
import { findHrImportRun, listHeldHrImportRuns, listHrImportRuns } from '../read-model/hr-import-runs.queries';
import { companyCsv, csv, row, startHrImportHarness, type HrImportHarness } from '../testing/hr-import-harness';
import { HrImportService } from './hr-import-service';
import { hrImportStreamId } from './hr-import-streams';

// Ticks a second per reading, so runs started one after the other are ordered by their start.
let tick = Date.parse('2026-05-10T08:00:00Z');
const clock: Clock = { now: () => new Date((tick += 1000)) };
const nightly: Actor = { kind: 'hr-feed', id: 'nightly-csv' };
const admin: Actor = { kind: 'person', id: 'admin-1' };

describe('HR import runs on PostgreSQL', () => {
  let harness: HrImportHarness;
  beforeEach(async () => {
    harness = await startHrImportHarness(clock);
  });
  afterEach(() => harness.stop());

  async function directoryRows(): Promise<IdentityDirectoryRow[]> {
    await harness.caughtUp();
    const { rows } = await harness.database.pool.query<IdentityDirectoryRow>('SELECT * FROM identity_directory ORDER BY employee_number');
    return rows;
  }

  it('given an empty directory, when a clean file is imported, then everyone is hired, the directory lists them and the run is completed', async () => {
    const result = await harness.service.importCsv({ fileName: 'hr.csv', content: companyCsv(5), complete: false, actor: nightly });

    expect(result).toMatchObject({ status: 'applied', rejected: [], failures: [] });
    expect(result.counts).toEqual({ hires: 5, rehires: 0, movers: 0, updates: 0, leavers: 0, failed: 0, rejected: 0 });
    const rows = await directoryRows();
    expect(rows.map((r) => [r.employee_number, r.status, r.manager_employee_number])).toEqual([
      ['1000', 'active', null],
      ['1001', 'active', '1000'],
      ['1002', 'active', '1000'],
      ['1003', 'active', '1000'],
      ['1004', 'active', '1000'],
    ]);
    const hired = await harness.store.readStream('identity-1003');
    expect(hired.map((e) => e.type)).toEqual(['IdentityHired', 'IdentityActivated']);
    expect(hired[0]!.data).toMatchObject({ source: { kind: 'csv', reference: result.runId } });
    expect(hired[0]!.metadata).toMatchObject({ actor: nightly, correlationId: result.runId });
    expect((await findHrImportRun(harness.database.pool, result.runId))?.run).toMatchObject({
      status: 'completed',
      file_name: 'hr.csv',
      row_count: 5,
      counts: { hires: 5 },
    });
  });

  it('given a file with malformed rows, a duplicate number, a manager cycle and an unknown manager, then the bad rows are kept with named errors and the rest applied', async () => {
    const content = csv(
      row('2000'),
      row('2001', { manager_employee_number: '2000' }),
      row('2002', { start_date: '2026-13-01' }),
      row('2003', { email: 'not-an-email' }),
      row('2004', { given_name: 'First' }),
      row('2004', { given_name: 'Second' }),
      row('2005', { manager_employee_number: '2006' }),
      row('2006', { manager_employee_number: '2005' }),
      row('2007', { manager_employee_number: '2999' }),
    );
    const result = await harness.service.importCsv({ fileName: 'bad.csv', content, complete: false, actor: nightly });

    expect(result.status).toBe('applied');
    expect(result.counts).toMatchObject({ hires: 3, failed: 0 });
    const byEmployee = Object.fromEntries(result.rejected.map((r) => [`${r.employeeNumber}@${r.line}`, r.errors.join(' | ')]));
    expect(Object.keys(byEmployee).sort()).toEqual(['2002@4', '2003@5', '2004@6', '2004@7', '2005@8', '2006@9']);
    expect(byEmployee['2002@4']).toContain('line 4 (employee 2002): start_date "2026-13-01"');
    expect(byEmployee['2003@5']).toMatch(/line 5 \(employee 2003\): email/);
    expect(byEmployee['2004@6']).toMatch(/2004.*line 7/);
    expect(byEmployee['2005@8']).toMatch(/cycle/);
    expect(result.warnings.some((w) => w.employeeNumber === '2007' && /2999/.test(w.message))).toBe(true);

    expect((await directoryRows()).map((r) => r.employee_number)).toEqual(['2000', '2001', '2007']);
    const run = await findHrImportRun(harness.database.pool, result.runId);
    expect(run?.run).toMatchObject({ status: 'completed', rejected: 6, failed: 0, row_count: 9 });
    const dateError = run?.errors.find((e) => e.line === 4);
    expect(dateError).toMatchObject({
      stage: 'rejected',
      employee_number: '2002',
      raw: { start_date: '2026-13-01', given_name: 'Given2002' },
    });
  });

  it('given an imported file, when the same file is sent again, then no identity event is recorded', async () => {
    await harness.service.importCsv({ fileName: 'day-1.csv', content: companyCsv(6), complete: true, actor: nightly });
    const before = await harness.identityEventCount();

    const resend = await harness.service.importCsv({ fileName: 'day-2.csv', content: companyCsv(6), complete: true, actor: nightly });

    expect(resend.counts).toEqual({ hires: 0, rehires: 0, movers: 0, updates: 0, leavers: 0, failed: 0, rejected: 0 });
    expect(await harness.identityEventCount()).toBe(before);
    await harness.caughtUp();
    expect((await listHrImportRuns(harness.database.pool)).map((r) => r.file_name)).toEqual(['day-2.csv', 'day-1.csv']);
  });

  it('given a company of 10, when a complete file lists only half, then the terminations are held and nothing is applied until confirmed', async () => {
    await harness.service.importCsv({ fileName: 'full.csv', content: companyCsv(10), complete: true, actor: nightly });
    const before = await harness.identityEventCount();

    const held = await harness.service.importCsv({ fileName: 'half.csv', content: companyCsv(5), complete: true, actor: nightly });

    expect(held.status).toBe('held');
    expect(held.holdReasons).toEqual([
      '5 terminations out of 10 identities (50.0%): more than the limit of 5.0% of the population (applies from 3 people)',
    ]);
    expect(held.heldSummary).toEqual({ hire: 0, rehire: 0, mover: 0, update: 0, leaver: 5 });
    expect(await harness.identityEventCount()).toBe(before);
    await harness.caughtUp();
    expect((await listHeldHrImportRuns(harness.database.pool)).map((r) => [r.run_id, r.hold_reasons])).toEqual([
      [held.runId, held.holdReasons],
    ]);

    const confirmed = await harness.service.confirm(held.runId, admin);

    expect(confirmed.counts).toMatchObject({ leavers: 5, failed: 0 });
    const statuses = (await directoryRows()).map((r) => `${r.employee_number}:${r.status}`);
    expect(statuses).toEqual([
      ...['1000', '1001', '1002', '1003', '1004'].map((n) => `${n}:active`),
      ...['1005', '1006', '1007', '1008', '1009'].map((n) => `${n}:terminated`),
    ]);
    const terminated = (await harness.store.readStream('identity-1007')).at(-1)!;
    expect(terminated).toMatchObject({ type: 'IdentityTerminated', data: { reason: 'missing from a complete HR file' } });
    expect(terminated.metadata.actor).toEqual(admin);
    expect((await findHrImportRun(harness.database.pool, held.runId))?.run).toMatchObject({ status: 'completed', decided_by: 'admin-1' });
    await expect(harness.service.confirm(held.runId, admin)).rejects.toMatchObject({ code: 'illegal_state' });
  });

  it('given held terminations, when an administrator discards them, then nothing is applied and the run says why', async () => {
    await harness.service.importCsv({ fileName: 'full.csv', content: companyCsv(10), complete: true, actor: nightly });
    const before = await harness.identityEventCount();
    const held = await harness.service.importCsv({ fileName: 'half.csv', content: companyCsv(5), complete: true, actor: nightly });

    const discarded = await harness.service.discard(held.runId, admin, 'truncated export');

    expect(discarded).toMatchObject({ status: 'discarded', heldSummary: { leaver: 5 } });
    expect(await harness.identityEventCount()).toBe(before);
    expect((await directoryRows()).every((r) => r.status === 'active')).toBe(true);
    expect((await findHrImportRun(harness.database.pool, held.runId))?.run).toMatchObject({
      status: 'discarded',
      discard_reason: 'truncated export',
      decided_by: 'admin-1',
    });
    await expect(harness.service.confirm(held.runId, admin)).rejects.toMatchObject({ code: 'illegal_state' });
  });

  it('given a held run, when the service is rebuilt (a restart), then the held change set is still confirmed from its events', async () => {
    await harness.service.importCsv({ fileName: 'full.csv', content: companyCsv(10), complete: true, actor: nightly });
    const held = await harness.service.importCsv({ fileName: 'half.csv', content: companyCsv(5), complete: true, actor: nightly });
    const events = await harness.store.readStream(hrImportStreamId(held.runId));
    expect(events.map((e) => e.type)).toEqual(['HrImportStarted', 'HrImportChangesHeld']);

    const restarted = new HrImportService({
      store: harness.store,
      pool: harness.store.pool,
      clock,
      ids: randomIds,
      directoryCaughtUp: () => harness.directory.waitUntilCaughtUp(10_000),
    });
    expect((await restarted.confirm(held.runId, admin)).counts.leavers).toBe(5);
  });

  it('given a file without the required columns, then it is refused whole and recorded as refused', async () => {
    const result = await harness.service.importCsv({ fileName: 'wrong.csv', content: 'id,name\n1,Ann\n', complete: false, actor: nightly });
    expect(result.status).toBe('refused');
    expect(result.fileErrors.join(' ')).toMatch(/employee_number/);
    await harness.caughtUp();
    expect((await findHrImportRun(harness.database.pool, result.runId))?.run).toMatchObject({ status: 'refused' });
  });
});
