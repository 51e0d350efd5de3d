import { deciderSpec } from '@tenure/testing';
import type { CorrectHrImportRecord } from './hr-import-correction';
import type { EraseHrImportUnnamedRows } from './hr-import-unnamed-rows-erasure';
import { hrImportDecider } from './hr-import.decider';
import type { HrImportEvent } from './hr-import.events';

const now = new Date('2026-08-09T09:30:00Z');
const spec = deciderSpec(hrImportDecider);

const started: HrImportEvent = {
  type: 'HrImportStarted',
  data: { runId: 'r1', fileName: 'hr.csv', complete: false, rows: 5, channel: 'cli', asOf: '2026-05-10', startedAt: now.toISOString() },
};
const rejected = (line: number, employeeNumber: string | null): HrImportEvent => ({
  type: 'HrImportRecordRejected',
  data: {
    runId: 'r1',
    line,
    employeeNumber,
    raw: { employee_number: employeeNumber ?? '', given_name: 'Nameless' },
    errors: ['a problem'],
  },
});
const counts = { hires: 2, rehires: 0, movers: 0, updates: 0, leavers: 0, failed: 0, rejected: 3 };
const completed: HrImportEvent = { type: 'HrImportCompleted', data: { runId: 'r1', counts, completedAt: now.toISOString() } };
const refused: HrImportEvent = { type: 'HrImportRefused', data: { runId: 'r1', errors: ['no header'] } };

const byRetention: EraseHrImportUnnamedRows = { type: 'EraseHrImportUnnamedRows', data: { reason: 'retention', by: 'timer', now } };
const byAdministrator = (legalReference: string): EraseHrImportUnnamedRows => ({
  type: 'EraseHrImportUnnamedRows',
  data: { reason: 'administrator', legalReference, by: 'admin-1', now },
});
const erased = (reason: 'retention' | 'administrator', lines: number[], by: string, legalReference?: string): HrImportEvent => ({
  type: 'HrImportUnnamedRowsErased',
  data: { runId: 'r1', reason, ...(legalReference ? { legalReference } : {}), lines, erasedAt: now.toISOString(), by },
});
const correct = (line: number, employeeNumber: string): CorrectHrImportRecord => ({
  type: 'CorrectHrImportRecord',
  data: {
    line,
    raw: { employee_number: employeeNumber, given_name: 'Named' },
    problems: [],
    by: 'admin-1',
    now,
    outcome: { result: 'applied', changes: ['hire'] },
  },
});

describe('erasing the rejected rows of an HR import run that name nobody', () => {
  const run = [started, rejected(5, null), rejected(3, '1002'), rejected(2, null), completed];

  it('given a completed run with rows with and without an employee number, when the retention period ends, then only the unnamed lines are erased', () => {
    spec
      .given(run)
      .when(byRetention)
      .then([erased('retention', [2, 5], 'timer')]);
  });

  it('given a run whose changes are held, when an administrator erases them with a legal reference, then it is recorded with the reference', () => {
    spec
      .given([started, rejected(4, null)])
      .when(byAdministrator('  GDPR-17 case 12  '))
      .then([erased('administrator', [4], 'admin-1', 'GDPR-17 case 12')]);
  });

  it('given an administrator without a legal reference, when they ask for the erasure, then it is refused naming the field', () => {
    spec
      .given(run)
      .when(byAdministrator('  '))
      .thenThrows({ code: 'validation', details: expect.objectContaining({ field: 'legalReference' }) });
  });

  it('given the rows were already erased, when the erasure runs again (a late timer, a repeated request), then nothing is recorded', () => {
    spec
      .given([...run, erased('administrator', [2, 5], 'admin-1', 'GDPR-17')])
      .when(byRetention)
      .then([]);
  });

  it('given a run without unnamed rows or a refused file, when the retention period ends, then nothing is recorded', () => {
    spec
      .given([started, rejected(3, '1002'), completed])
      .when(byRetention)
      .then([]);
    spec.given([started, refused]).when(byRetention).then([]);
  });

  it('given no run, when its rows are erased, then it is not found', () => {
    spec.given([]).when(byRetention).thenThrows({ code: 'not_found' });
  });

  it('given the unnamed rows were erased, when one is corrected, then it is refused; a row that names a person can still be corrected', () => {
    const afterErasure = [...run, erased('retention', [2, 5], 'timer')];
    spec
      .given(afterErasure)
      .when(correct(2, '1009'))
      .thenThrows({ code: 'illegal_state', message: expect.stringMatching(/line 2 was erased .* cannot be corrected/) });
    spec
      .given(afterErasure)
      .when(correct(3, '1002'))
      .then([expect.objectContaining({ type: 'HrImportRecordCorrected' }) as HrImportEvent]);
  });
});
