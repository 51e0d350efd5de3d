import { deciderSpec } from '@tenure/testing';
import type { CorrectHrImportRecord, HrRecordCorrectionOutcome } from './hr-import-correction';
import { hrImportDecider } from './hr-import.decider';
import type { HrImportEvent } from './hr-import.events';

const now = new Date('2026-05-11T09:30:00Z');
const spec = deciderSpec(hrImportDecider);

const started: HrImportEvent = {
  type: 'HrImportStarted',
  data: { runId: 'r1', fileName: 'hr.csv', complete: false, rows: 4, channel: 'cli', asOf: '2026-05-10', startedAt: now.toISOString() },
};
const rejected = (line: number, employeeNumber: string | null, raw: Record<string, string> = {}): HrImportEvent => ({
  type: 'HrImportRecordRejected',
  data: { runId: 'r1', line, employeeNumber, raw: { employee_number: employeeNumber ?? '', ...raw }, errors: ['a problem'] },
});
const badDate = rejected(3, '1002', { start_date: '2026-13-01' });
const counts = { hires: 2, rehires: 0, movers: 0, updates: 0, leavers: 0, failed: 0, rejected: 1 };
const completed: HrImportEvent = { type: 'HrImportCompleted', data: { runId: 'r1', counts, completedAt: now.toISOString() } };

const applied: HrRecordCorrectionOutcome = { result: 'applied', changes: ['hire'] };
const correct = (
  line: number,
  raw: Record<string, string>,
  outcome: HrRecordCorrectionOutcome = applied,
  problems: string[] = [],
): CorrectHrImportRecord => ({ type: 'CorrectHrImportRecord', data: { line, raw, problems, by: 'admin-1', now, outcome } });
const corrected = (line: number, employeeNumber: string, raw: Record<string, string>): HrImportEvent => ({
  type: 'HrImportRecordCorrected',
  data: { runId: 'r1', line, employeeNumber, raw, by: 'admin-1', correctedAt: now.toISOString(), result: 'applied', changes: ['hire'] },
});
const fixedRow = { employee_number: '1002', start_date: '2026-01-12' };

describe('correcting a rejected record of an HR import run', () => {
  it('given a completed run with a rejected row, when the applied correction is recorded, then the record is corrected with its row and what it changed', () => {
    spec
      .given([started, badDate, completed])
      .when(correct(3, fixedRow))
      .then([corrected(3, '1002', fixedRow)]);
  });

  it('given held changes, when a rejected row is corrected to what the directory holds, then it is recorded as unchanged', () => {
    const held: HrImportEvent = {
      type: 'HrImportChangesHeld',
      data: {
        runId: 'r1',
        reasons: ['too many'],
        measures: [],
        population: 4,
        summary: { hire: 0, rehire: 0, mover: 0, update: 0, leaver: 0 },
        changeSet: { hires: [], rehires: [], movers: [], updates: [], leavers: [] },
      },
    };
    spec
      .given([started, badDate, held])
      .when(correct(3, fixedRow, { result: 'unchanged' }))
      .then([
        {
          type: 'HrImportRecordCorrected',
          data: {
            runId: 'r1',
            line: 3,
            employeeNumber: '1002',
            raw: fixedRow,
            by: 'admin-1',
            correctedAt: now.toISOString(),
            result: 'unchanged',
            changes: [],
          },
        },
      ]);
  });

  it('given a corrected record, when it is corrected again, then it is refused naming the run and the line', () => {
    spec
      .given([started, badDate, completed, corrected(3, '1002', fixedRow)])
      .when(correct(3, fixedRow))
      .thenThrows({
        code: 'illegal_state',
        message:
          'HR import r1, line 3 (employee 1002) was already corrected: a record is corrected once; send later changes in the next HR file',
      });
  });

  it('given a rejected row, when the correction is still invalid, then it is refused naming the run, the line, the field and the problem', () => {
    spec
      .given([started, badDate, completed])
      .when(
        correct(3, { employee_number: '1002', start_date: '2026-13-02' }, applied, ['start_date "2026-13-02" is not a date (YYYY-MM-DD)']),
      )
      .thenThrows({
        code: 'validation',
        message:
          'HR import r1, line 3 (employee 1002): the correction is not valid, so the record stays rejected: start_date "2026-13-02" is not a date (YYYY-MM-DD)',
        details: expect.objectContaining({ runId: 'r1', line: 3, employeeNumber: '1002' }),
      });
  });

  it('given a rejected row, when the identity refused the corrected record, then nothing is recorded and the record can be corrected again', () => {
    const refusal: HrRecordCorrectionOutcome = {
      result: 'failed',
      code: 'validation',
      error: 'manager 1003 would close a management cycle',
    };
    spec
      .given([started, badDate, completed])
      .when(correct(3, fixedRow, refusal))
      .thenThrows({
        code: 'validation',
        message:
          'HR import r1, line 3 (employee 1002): the corrected record was refused, so the record stays rejected: manager 1003 would close a management cycle',
      });
    spec
      .given([started, badDate, completed])
      .when(correct(3, fixedRow))
      .then([corrected(3, '1002', fixedRow)]);
  });

  it('given a run, when a line without a rejected record is corrected, then it is not found', () => {
    spec
      .given([started, badDate, completed])
      .when(correct(4, fixedRow))
      .thenThrows({ code: 'not_found', message: 'HR import r1 has no rejected record at line 4' });
  });

  it('given a refused file or no run, when a record is corrected, then it is refused', () => {
    const refused: HrImportEvent = { type: 'HrImportRefused', data: { runId: 'r1', errors: ['missing column "email"'] } };
    spec.given([started, refused]).when(correct(3, fixedRow)).thenThrows({ code: 'illegal_state' });
    spec.given([]).when(correct(3, fixedRow)).thenThrows({ code: 'not_found' });
  });

  it('given a rejected record with a valid employee number, when the correction changes it, then it is refused: that would be another person', () => {
    spec
      .given([started, badDate, completed])
      .when(correct(3, { ...fixedRow, employee_number: '1009' }))
      .thenThrows({
        code: 'validation',
        message: expect.stringContaining(
          'employee_number "1009" is not the rejected record\'s "1002": only a missing or duplicated employee number can be corrected',
        ),
      });
  });

  it('given a rejected record without an employee number, when the correction gives one, then it is recorded under that number', () => {
    const raw = { employee_number: '1010', start_date: '2026-01-12' };
    spec
      .given([started, rejected(5, null), completed])
      .when(correct(5, raw))
      .then([corrected(5, '1010', raw)]);
  });

  it('given two lines sharing an employee number, when one is corrected to another number, then it is; the other cannot become the same person', () => {
    const duplicates = [started, rejected(6, '2004'), rejected(7, '2004'), completed];
    const renumbered = { employee_number: '2005' };
    spec
      .given(duplicates)
      .when(correct(7, renumbered))
      .then([corrected(7, '2005', renumbered)]);
    spec
      .given([...duplicates, corrected(7, '2005', renumbered)])
      .when(correct(6, { employee_number: '2005' }))
      .thenThrows({
        code: 'validation',
        message: expect.stringContaining('employee_number "2005" was already corrected on line 7 of this file: each person appears once'),
      });
  });

  it('given an open run whose rejected row was corrected, when it completes, then its counts still show the file’s rejected rows', () => {
    const events = hrImportDecider.decide(
      { type: 'CompleteHrImport', data: { applied: { hire: 2, rehire: 0, mover: 0, update: 0, leaver: 0 }, failures: [], now } },
      [started, badDate, corrected(3, '1002', fixedRow)].reduce(hrImportDecider.evolve, hrImportDecider.initialState()),
    );
    expect(events).toEqual([completed]);
  });

  it('given a file whose 50,000 rows were all rejected, when its first row is corrected, then the record is found (the fold copies nothing per row)', () => {
    const many = Array.from({ length: 50_000 }, (_, index) => rejected(index + 2, String(100_000 + index)));
    const state = [started, ...many, completed].reduce(hrImportDecider.evolve, hrImportDecider.initialState());
    const events = hrImportDecider.decide(correct(2, { employee_number: '100000' }), state);
    expect(events.map((event) => event.data)).toEqual([expect.objectContaining({ line: 2, employeeNumber: '100000' })]);
  });
});
