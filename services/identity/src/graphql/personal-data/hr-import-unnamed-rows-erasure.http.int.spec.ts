import { ERASED_MARKER } from '@tenure/contracts';
import type { Clock } from '@tenure/event-sourcing';
import { pendingTimers, PostgresEventStore, rebuildProjection, verifyEventLog, type TimerWorker } from '@tenure/event-store-postgres';
import { importRunSubject, PersonalDataKeys } from '@tenure/personal-data';
import { leftoversIn } from '@tenure/personal-data/testing';
import { mintCallerToken, startLocalService, type LocalService } from '@tenure/service-runtime';
import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import { identityService } from '../../app';
import {
  HR_IMPORT_UNNAMED_ROWS_TIMER,
  HrImportService,
  HrImportUnnamedRowsErasure,
  hrImportRunsProjection,
  hrImportStreamId,
  startHrImportRetentionTimer,
  unnamedRowsTimerId,
} from '../../hr-imports';
import { HrImportsBackground } from '../../hr-imports/hr-imports-background';
import { hrImportUnnamedRowsRetentionMsFromEnv } from '../../hr-imports/hr-import-retention-config';
import { csv, row } from '../../hr-imports/testing/hr-import-harness';

// The rejected rows of an HR import that have no employee number name nobody, so no person's erasure
// reaches them: they are sealed under their run's own key. An administrator's request or the retention
// period erases them (the event, then the key): the read model, the GraphQL answers and the log as read
// show "[erased]" for them, the rows that name a person are untouched, and a rebuild gives the same rows.
const ADMIN_TOKEN = 'unnamed-rows-admin-token';
const CALLER_TOKEN_SECRET = 'unnamed-rows-caller-token-secret-0123456789';
const ENV = { ADMIN_TOKENS: ADMIN_TOKEN, CALLER_TOKEN_SECRET };
const UNNAMED = ['Nameless', 'Nobody', 'nameless.nobody@'];
const ORPHAN = ['Orphaned', 'orphan.row@'];
const NAMED = ['Evelyn', 'evelyn.named@'];
const LEGAL_REFERENCE = 'GDPR art. 17, request 2026-077';

const RUN_QUERY = (runId: string) => `{ hrImportRun(id: "${runId}") {
  id unnamedRowsErasedAt rejectedRecords { line employeeNumber errors raw { name value } } } }`;
const ERASE = (runId: string, legalReference = LEGAL_REFERENCE) =>
  `mutation { eraseHrImportUnnamedRows(runId: "${runId}", legalReference: "${legalReference}") {
    id unnamedRowsErasedAt rejectedRecords { line employeeNumber errors raw { name value } } } }`;

interface RejectedRecord {
  readonly line: number;
  readonly employeeNumber: string | null;
  readonly errors: string[];
  readonly raw: { name: string; value: string }[];
}
interface RunAnswer {
  readonly id: string;
  readonly unnamedRowsErasedAt: string | null;
  readonly rejectedRecords: RejectedRecord[];
}

/** A clock the test moves by hand. */
function manualClock(start: Date): Clock & { set(at: Date): void } {
  let now = start;
  return { now: () => now, set: (at) => void (now = at) };
}

const DAY = 86_400_000;

describe('erasure of the HR import rows that name nobody', () => {
  jest.setTimeout(60_000);
  let database: TestDatabase;
  let identity: LocalService;
  let identityRunning = false;
  let store: PostgresEventStore;
  let runId: string; // erased by the administrator
  let retainedRunId: string; // erased by the retention period
  let keptRunId: string; // never erased: its timer survives the rebuild
  const workers: TimerWorker[] = [];

  const caughtUp = () => identity.app.get(HrImportsBackground).runsCaughtUp();
  const importFile = async (fileName: string, ...rows: string[]) =>
    (
      await identity.app.get(HrImportService).importCsv({
        fileName,
        content: csv(...rows),
        complete: false,
        actor: { kind: 'person', id: 'admin' },
      })
    ).runId;

  async function run(id: string): Promise<RunAnswer> {
    const { data, errors } = await identity.graphql<{ hrImportRun: RunAnswer }>(RUN_QUERY(id), ADMIN_TOKEN);
    expect(errors).toBeUndefined();
    return data!.hrImportRun;
  }

  const unnamedOf = (answer: RunAnswer) => answer.rejectedRecords.filter((record) => record.employeeNumber === null);
  const namedOf = (answer: RunAnswer) => answer.rejectedRecords.filter((record) => record.employeeNumber !== null);
  const valuesOf = (records: readonly RejectedRecord[]) =>
    new Set(records.flatMap((record) => [...record.errors, ...record.raw.map((v) => v.value)]));

  /** The rejected rows of a run as the store reads them. */
  async function rejectedRead(id: string): Promise<{ employeeNumber: string | null; data: string }[]> {
    const events = await store.readStream(hrImportStreamId(id));
    return events
      .filter((event) => event.type === 'HrImportRecordRejected')
      .map((event) => ({
        employeeNumber: (event.data as { employeeNumber: string | null }).employeeNumber,
        data: JSON.stringify(event.data),
      }));
  }

  const snapshot = async () => ({
    runs: (await database.pool.query('SELECT * FROM hr_import_runs ORDER BY run_id')).rows,
    errors: (await database.pool.query('SELECT * FROM hr_import_record_errors ORDER BY run_id, seq')).rows.map(
      ({ seq: _seq, ...rest }: Record<string, unknown>) => rest,
    ),
    timers: (await pendingTimers(database.pool, HR_IMPORT_UNNAMED_ROWS_TIMER)).map(({ timerId, dueAt, payload }) => ({
      timerId,
      dueAt,
      payload,
    })),
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

    // Rejected: a row without an employee number (its invalid email is quoted by the error), and a named row.
    runId = await importFile(
      'nightly.csv',
      row('3001'),
      row('', { given_name: 'Nameless', family_name: 'Nobody', email: 'nameless.nobody@' }),
      row('3002', { given_name: 'Evelyn', email: 'evelyn.named@' }),
      row('', { given_name: 'Nameless', family_name: 'Nobody', start_date: '2026-13-01' }),
    );
    retainedRunId = await importFile('weekly.csv', row('3001'), row('', { given_name: 'Orphaned', email: 'orphan.row@' }));
    keptRunId = await importFile('monthly.csv', row('3001'), row('', { given_name: 'Kept', email: 'kept.row@' }));
    await caughtUp();
  });

  afterEach(async () => void (await Promise.all(workers.splice(0).map((worker) => worker.stop()))));

  afterAll(async () => {
    if (identityRunning) await identity.close();
    await store?.close();
    await database?.drop();
  });

  it('given an import with rejected rows without an employee number, then they are sealed in the log and readable until erased, with a retention timer per run', async () => {
    expect(await leftoversIn(database.pool, 'tenure_events', [...UNNAMED, ...ORPHAN, ...NAMED])).toEqual([]);

    const before = await run(runId);
    expect(before.unnamedRowsErasedAt).toBeNull();
    expect(unnamedOf(before).map((record) => record.line)).toEqual([3, 5]);
    expect([...valuesOf(unnamedOf(before))]).toEqual(expect.arrayContaining(['Nameless', 'Nobody', 'nameless.nobody@']));
    expect((await rejectedRead(runId)).find((event) => event.employeeNumber === null)?.data).toContain('Nameless');

    const timers = await pendingTimers(database.pool, HR_IMPORT_UNNAMED_ROWS_TIMER);
    expect(timers.map((timer) => timer.timerId).sort()).toEqual([runId, retainedRunId, keptRunId].map(unnamedRowsTimerId).sort());
  });

  it('given a person who is not an administrator, when they ask to erase the rows, then it is forbidden and nothing is recorded', async () => {
    const auditor = await mintCallerToken(CALLER_TOKEN_SECRET, '8202', { roles: ['auditor'] });
    const length = (await store.readStream(hrImportStreamId(runId))).length;

    const { errors } = await identity.graphql(ERASE(runId), auditor);

    expect(errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
    expect(await store.readStream(hrImportStreamId(runId))).toHaveLength(length);
    expect(valuesOf(unnamedOf(await run(runId)))).toContain('Nameless');
  });

  it('given an administrator without a legal reference, when they ask, then it is refused as invalid', async () => {
    const { errors } = await identity.graphql(ERASE(runId, ' '), ADMIN_TOKEN);

    expect(errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
  });

  it('given an administrator, when they erase the rows, then they read "[erased]" everywhere, the named row is untouched and the log verifies', async () => {
    const namedBefore = namedOf(await run(runId));

    const { data, errors } = await identity.graphql<{ eraseHrImportUnnamedRows: RunAnswer }>(ERASE(runId), ADMIN_TOKEN);

    expect(errors).toBeUndefined();
    const answer = data!.eraseHrImportUnnamedRows;
    expect(answer.unnamedRowsErasedAt).not.toBeNull();
    expect(unnamedOf(answer).map((record) => record.line)).toEqual([3, 5]);
    expect(valuesOf(unnamedOf(answer))).toEqual(new Set([ERASED_MARKER]));
    expect(unnamedOf(answer)[0]!.raw.map((value) => value.name)).toContain('email'); // the columns stay
    expect(namedOf(answer)).toEqual(namedBefore);
    expect(JSON.stringify(namedOf(answer))).toContain('evelyn.named@');
    // The read model itself, and the other runs' unnamed rows, which are not this request's.
    expect(await leftoversIn(database.pool, 'hr_import_record_errors', UNNAMED)).toEqual([]);
    expect(valuesOf(unnamedOf(await run(retainedRunId)))).toContain('Orphaned');

    // The log as read: the unnamed rows are erased, the named one reads in full, the erasure is recorded.
    const read = await rejectedRead(runId);
    expect(read.filter((event) => event.employeeNumber === null).map((event) => event.data)).toEqual([
      expect.stringContaining(ERASED_MARKER),
      expect.stringContaining(ERASED_MARKER),
    ]);
    expect(UNNAMED.filter((value) => read.some((event) => event.data.includes(value)))).toEqual([]);
    expect(read.find((event) => event.employeeNumber === '3002')?.data).toContain('evelyn.named@');
    const events = await store.readStream(hrImportStreamId(runId));
    expect(events.at(-1)).toMatchObject({
      type: 'HrImportUnnamedRowsErased',
      data: { runId, reason: 'administrator', legalReference: LEGAL_REFERENCE, lines: [3, 5], by: 'admin-token' },
    });
    const history = await new PersonalDataKeys(database.pool).history(importRunSubject(runId));
    expect(history).toEqual([expect.objectContaining({ destroyedAt: expect.any(Date) })]);
    // The run's timer is no longer needed.
    expect((await pendingTimers(database.pool, HR_IMPORT_UNNAMED_ROWS_TIMER)).map((timer) => timer.timerId)).not.toContain(
      unnamedRowsTimerId(runId),
    );

    const report = await verifyEventLog(database.pool);
    expect(report.findings).toEqual([]);
    expect(report.intact).toBe(true);
  });

  it('given the rows were erased, when the administrator asks again, then nothing new is recorded and the answer is the same', async () => {
    const events = await store.readStream(hrImportStreamId(runId));
    const before = await snapshot();

    const { data, errors } = await identity.graphql<{ eraseHrImportUnnamedRows: RunAnswer }>(ERASE(runId), ADMIN_TOKEN);

    expect(errors).toBeUndefined();
    expect(valuesOf(unnamedOf(data!.eraseHrImportUnnamedRows))).toEqual(new Set([ERASED_MARKER]));
    expect(await store.readStream(hrImportStreamId(runId))).toHaveLength(events.length);
    expect(await snapshot()).toEqual(before);
  });

  it('given the erased rows, when one is corrected, then it is refused: its values are gone', async () => {
    const { errors } = await identity.graphql(
      `mutation { correctHrImportRecord(runId: "${runId}", line: 3, values: [{ column: "employee_number", value: "3009" }]) { id } }`,
      ADMIN_TOKEN,
    );

    expect(errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining("line 3 was erased with the run's rows that name nobody"),
        extensions: expect.objectContaining({ code: 'FAILED_PRECONDITION' }),
      }),
    ]);
  });

  it('given a short retention period, when the timer’s clock passes it, then the timer erases the run’s unnamed rows once', async () => {
    const retentionMs = hrImportUnnamedRowsRetentionMsFromEnv({ HR_IMPORT_UNNAMED_ROWS_RETENTION_DAYS: '1' });
    expect(retentionMs).toBe(DAY);
    const [timer] = (await pendingTimers(database.pool, HR_IMPORT_UNNAMED_ROWS_TIMER)).filter(
      (pending) => pending.timerId === unnamedRowsTimerId(retainedRunId),
    );
    const endedAt = timer!.dueAt; // the run's end: the retention period starts there
    const clock = manualClock(new Date(endedAt.getTime() + DAY - 60_000));
    const worker = startHrImportRetentionTimer({
      pool: store.pool,
      clock,
      erasure: identity.app.get(HrImportUnnamedRowsErasure),
      retentionMs,
      pollMs: 3_600_000,
    });
    workers.push(worker);

    expect(await worker.fireDue()).toBe(0); // a minute before the period ends
    await caughtUp();
    expect(valuesOf(unnamedOf(await run(retainedRunId)))).toContain('Orphaned');

    clock.set(new Date(endedAt.getTime() + DAY));
    expect(await worker.fireDue()).toBe(1);
    await caughtUp();

    const answer = await run(retainedRunId);
    expect(answer.unnamedRowsErasedAt).not.toBeNull();
    expect(valuesOf(unnamedOf(answer))).toEqual(new Set([ERASED_MARKER]));
    expect(await leftoversIn(database.pool, 'hr_import_record_errors', ORPHAN)).toEqual([]);
    const events = await store.readStream(hrImportStreamId(retainedRunId));
    expect(events.at(-1)).toMatchObject({
      type: 'HrImportUnnamedRowsErased',
      data: { runId: retainedRunId, reason: 'retention', lines: [3], by: 'hr-import-retention-timer' },
    });
    expect(events.at(-1)!.data).not.toHaveProperty('legalReference');
    expect(ORPHAN.filter((value) => JSON.stringify(events.map((event) => event.data)).includes(value))).toEqual([]);
    // Fired once: its timer is gone, and the run that has not reached its period keeps its own.
    const left = (await pendingTimers(database.pool, HR_IMPORT_UNNAMED_ROWS_TIMER)).map((pending) => pending.timerId);
    expect(left).toEqual([unnamedRowsTimerId(keptRunId)]);
    expect(valuesOf(unnamedOf(await run(keptRunId)))).toContain('Kept');
    expect((await verifyEventLog(database.pool)).intact).toBe(true);
  });

  it('given both erasures, when hr-import-runs is rebuilt from position 0, then it gives the same rows and timers', async () => {
    const live = await snapshot();
    // A rebuild needs the live runner stopped: the service is.
    await identity.close();
    identityRunning = false;

    await rebuildProjection(store.pool, store.wakeups, hrImportRunsProjection);

    expect(await snapshot()).toEqual(live);
    expect(await leftoversIn(database.pool, 'hr_import_record_errors', [...UNNAMED, ...ORPHAN])).toEqual([]);
  });
});
