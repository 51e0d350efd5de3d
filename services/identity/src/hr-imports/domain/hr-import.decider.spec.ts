import { deciderSpec } from '@tenure/testing';
import { guardMassChange } from '../../hr-inputs/change-guard';
import type { HrChangeSet } from '../../hr-inputs/csv';
import { hrRecord } from '../../hr-inputs/csv/testing/hr-records';
import { hrImportDecider } from './hr-import.decider';
import type { HrImportEvent } from './hr-import.events';

const now = new Date('2026-05-10T08:00:00Z');
const spec = deciderSpec(hrImportDecider);

const started: HrImportEvent = {
  type: 'HrImportStarted',
  data: { runId: 'r1', fileName: 'hr.csv', complete: true, rows: 3, channel: 'cli', asOf: '2026-05-10', startedAt: now.toISOString() },
};
const rejectedRow = { line: 3, employeeNumber: '1002', raw: { employee_number: '1002', start_date: '2026-13-01' }, errors: ['bad date'] };
const changeSet: HrChangeSet = {
  hires: [],
  rehires: [],
  movers: [],
  updates: [],
  leavers: ['1001', '1002', '1003'].map((employeeNumber) => ({
    employeeNumber,
    cause: 'missing-from-complete-file' as const,
    reason: 'missing from a complete HR file',
    effectiveDate: '2026-05-10',
    scheduled: false,
    record: null,
  })),
};
const decision = guardMassChange(changeSet, 10);
const held: HrImportEvent = {
  type: 'HrImportChangesHeld',
  data: {
    runId: 'r1',
    reasons: decision.reasons,
    measures: decision.measures,
    population: 10,
    summary: { hire: 0, rehire: 0, mover: 0, update: 0, leaver: 3 },
    changeSet,
  },
};
const start = (fileErrors: string[] = [], rejected = [rejectedRow]) =>
  ({
    type: 'StartHrImport',
    data: { runId: 'r1', fileName: 'hr.csv', complete: true, rows: 3, channel: 'cli', asOf: '2026-05-10', fileErrors, rejected, now },
  }) as const;
const applied = { hire: 2, rehire: 0, mover: 1, update: 0, leaver: 0 };

describe('an HR import run', () => {
  it('given nothing, when a file with a bad row starts, then the run starts and the row is kept with its raw values', () => {
    spec
      .given([])
      .when(start())
      .then([
        started,
        {
          type: 'HrImportRecordRejected',
          data: { runId: 'r1', line: 3, employeeNumber: '1002', raw: rejectedRow.raw, errors: ['bad date'] },
        },
      ]);
  });

  it('given nothing, when a file without its columns starts, then the run is refused with the file errors', () => {
    spec
      .given([])
      .when(start(['missing column "email"']))
      .then([started, { type: 'HrImportRefused', data: { runId: 'r1', errors: ['missing column "email"'] } }]);
  });

  it('given a started run, when it starts again, then it is a conflict', () => {
    spec.given([started]).when(start()).thenThrows({ code: 'conflict' });
  });

  it('given an open run, when its changes are held, then the whole change set and the reasons are kept', () => {
    spec.given([started]).when({ type: 'HoldHrImportChanges', data: { decision, changeSet } }).then([held]);
  });

  it('given held changes, when an administrator confirms, then they are confirmed by them', () => {
    spec
      .given([started, held])
      .when({ type: 'ConfirmHrImportChanges', data: { by: 'admin-1', now } })
      .then([{ type: 'HrImportChangesConfirmed', data: { runId: 'r1', by: 'admin-1', confirmedAt: now.toISOString() } }]);
  });

  it('given an open run, when someone confirms, then it is refused: nothing is held', () => {
    spec
      .given([started])
      .when({ type: 'ConfirmHrImportChanges', data: { by: 'admin-1', now } })
      .thenThrows({
        code: 'illegal_state',
        message: 'HR import r1 is open, so confirming its changes is not possible: only held changes can be confirmed',
      });
  });

  it('given no run, when someone confirms, then the run is not found', () => {
    spec
      .given([])
      .when({ type: 'ConfirmHrImportChanges', data: { by: 'admin-1', now } })
      .thenThrows({ code: 'not_found' });
  });

  it('given held changes, when discarded with a reason, then they are discarded; a second decision is refused', () => {
    const discarded: HrImportEvent = {
      type: 'HrImportChangesDiscarded',
      data: { runId: 'r1', by: 'admin-1', reason: 'truncated file', discardedAt: now.toISOString() },
    };
    spec
      .given([started, held])
      .when({ type: 'DiscardHrImportChanges', data: { by: 'admin-1', reason: 'truncated file', now } })
      .then([discarded]);
    spec
      .given([started, held, discarded])
      .when({ type: 'ConfirmHrImportChanges', data: { by: 'admin-2', now } })
      .thenThrows({ code: 'illegal_state' });
  });

  it('given held changes, when discarded without a reason, then the reason is required', () => {
    spec
      .given([started, held])
      .when({ type: 'DiscardHrImportChanges', data: { by: 'admin-1', reason: ' ', now } })
      .thenThrows({ code: 'validation', message: 'HR import r1: a reason is required to discard held changes' });
  });

  it('given a run with a rejected row, when it completes with one failure, then the failure and the counts are recorded', () => {
    const rejected: HrImportEvent = {
      type: 'HrImportRecordRejected',
      data: { runId: 'r1', line: 3, employeeNumber: '1002', raw: {}, errors: ['bad'] },
    };
    const failure = { employeeNumber: '1009', kind: 'mover' as const, code: 'validation', error: 'manager cycle' };
    spec
      .given([started, rejected])
      .when({ type: 'CompleteHrImport', data: { applied, failures: [failure], now } })
      .then([
        { type: 'HrImportRecordFailed', data: { runId: 'r1', ...failure } },
        {
          type: 'HrImportCompleted',
          data: {
            runId: 'r1',
            counts: { hires: 2, rehires: 0, movers: 1, updates: 0, leavers: 0, failed: 1, rejected: 1 },
            completedAt: now.toISOString(),
          },
        },
      ]);
  });

  it('given held changes, when the run completes before a confirmation, then it is refused', () => {
    spec
      .given([started, held])
      .when({ type: 'CompleteHrImport', data: { applied, failures: [], now } })
      .thenThrows({ code: 'illegal_state' });
  });

  it('given confirmed changes, when the run completes, then it completes', () => {
    const confirmed: HrImportEvent = { type: 'HrImportChangesConfirmed', data: { runId: 'r1', by: 'a', confirmedAt: now.toISOString() } };
    const events = hrImportDecider.decide(
      { type: 'CompleteHrImport', data: { applied, failures: [], now } },
      [started, held, confirmed].reduce(hrImportDecider.evolve, hrImportDecider.initialState()),
    );
    expect(events.map((event) => event.type)).toEqual(['HrImportCompleted']);
  });

  it('given a refused run, when anything else is asked, then it is refused', () => {
    const refused: HrImportEvent = { type: 'HrImportRefused', data: { runId: 'r1', errors: ['x'] } };
    spec
      .given([started, refused])
      .when({ type: 'HoldHrImportChanges', data: { decision, changeSet } })
      .thenThrows({ code: 'illegal_state' });
    spec
      .given([started, refused])
      .when({ type: 'CompleteHrImport', data: { applied, failures: [], now } })
      .thenThrows({ code: 'illegal_state' });
  });

  it('keeps a held change set with records intact (the event is plain JSON)', () => {
    const withRecord: HrChangeSet = { ...changeSet, hires: [{ employeeNumber: '2000', record: hrRecord('2000') }] };
    const [event] = hrImportDecider.decide(
      { type: 'HoldHrImportChanges', data: { decision, changeSet: withRecord } },
      hrImportDecider.evolve(hrImportDecider.initialState(), started),
    );
    expect(JSON.parse(JSON.stringify(event))).toEqual(event);
  });
});
