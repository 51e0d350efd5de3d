import { diffHrRecords } from './diff-hr-records';
import { isEmptyChangeSet } from './hr-change-set';
import { company, hrRecord, identities } from './testing/hr-records';

const asOf = '2026-05-10';

describe('diffing HR records against the current identities', () => {
  it('given a full resend of what is known, when diffed, then nothing changes', () => {
    // Given everyone the service knows, in every status, including a termination waiting for its timer
    const people = company(20);
    const departed = hrRecord('9001', { active: false, terminationDate: '2025-12-31' });
    const leavingToday = hrRecord('9002', { terminationDate: asOf });
    const leavingLater = hrRecord('9003', { terminationDate: '2026-09-30' });
    const current = identities(...people, [departed, 'terminated'], leavingToday, [leavingLater, 'on-leave']);

    // When the same records come back
    const changes = diffHrRecords([...people, departed, leavingToday, leavingLater], current, { asOf, complete: true });

    // Then
    expect(isEmptyChangeSet(changes)).toBe(true);
  });

  it('given a new employee number, when diffed, then it is a hire; an unknown leaver is nothing', () => {
    const changes = diffHrRecords([hrRecord('1'), hrRecord('2', { active: false })], identities(), { asOf });

    expect(changes.hires).toEqual([{ employeeNumber: '1', record: hrRecord('1') }]);
    expect(changes.leavers).toEqual([]);
  });

  it('given a new department and manager, when diffed, then a mover with before and after', () => {
    const before = hrRecord('1', { attributes: { department: 'Engineering', managerEmployeeNumber: '10', location: 'Lyon' } });
    const after = hrRecord('1', { attributes: { department: 'Sales', managerEmployeeNumber: null, location: 'Paris' } });

    const changes = diffHrRecords([after], identities(before), { asOf });

    expect(changes.movers).toEqual([
      {
        employeeNumber: '1',
        record: after,
        moved: ['department', 'managerEmployeeNumber'],
        changes: [
          { field: 'department', before: 'Engineering', after: 'Sales' },
          { field: 'managerEmployeeNumber', before: '10', after: null },
          { field: 'location', before: 'Lyon', after: 'Paris' },
        ],
      },
    ]);
    expect(changes.updates).toEqual([]);
  });

  it('given a new email and custom attribute, when diffed, then an update that is not a move; a custom column the file lacks is left alone', () => {
    const before = hrRecord('1', { attributes: { custom: { division: 'R&D', badge: '77' } } });
    const after = hrRecord('1', { attributes: { email: 'new@example.com', custom: { division: '' } } });

    const changes = diffHrRecords([after], identities(before), { asOf });

    expect(changes.movers).toEqual([]);
    expect(changes.updates).toEqual([
      {
        employeeNumber: '1',
        record: after,
        changes: [
          { field: 'email', before: 'person1@example.com', after: 'new@example.com' },
          { field: 'custom.division', before: 'R&D', after: null },
        ],
      },
    ]);
  });

  it('given inactive, past and future termination dates, when diffed, then leavers now and scheduled', () => {
    const current = identities(hrRecord('1'), hrRecord('2'), hrRecord('3'), hrRecord('4'));
    const inactive = hrRecord('1', { active: false });
    const past = hrRecord('2', { terminationDate: '2026-05-01', attributes: { department: 'Sales' } });
    const future = hrRecord('3', { terminationDate: '2026-06-30', attributes: { department: 'Sales' } });

    const changes = diffHrRecords([inactive, past, future, hrRecord('4')], current, { asOf });

    expect(changes.leavers).toEqual([
      {
        employeeNumber: '1',
        cause: 'inactive-in-file',
        reason: 'inactive in the HR file',
        effectiveDate: asOf,
        scheduled: false,
        record: inactive,
      },
      {
        employeeNumber: '2',
        cause: 'termination-date',
        reason: 'termination date 2026-05-01 in the HR file',
        effectiveDate: '2026-05-01',
        scheduled: false,
        record: past,
      },
      {
        employeeNumber: '3',
        cause: 'termination-date',
        reason: 'termination date 2026-06-30 in the HR file',
        effectiveDate: '2026-06-30',
        scheduled: true,
        record: future,
      },
    ]);
    // Someone leaving now is not also moved; someone leaving later still moves until then.
    expect(changes.movers.map((move) => move.employeeNumber)).toEqual(['3']);
  });

  it('given a scheduled termination the file no longer carries, when diffed, then an update cancelling it', () => {
    const changes = diffHrRecords([hrRecord('1')], identities(hrRecord('1', { terminationDate: '2026-06-30' })), { asOf });

    expect(changes.leavers).toEqual([]);
    expect(changes.updates).toEqual([
      { employeeNumber: '1', record: hrRecord('1'), changes: [{ field: 'terminationDate', before: '2026-06-30', after: null }] },
    ]);
  });

  it('given a terminated identity back in the file as active, when diffed, then a rehire keeping the previous record', () => {
    const previous = hrRecord('1', { startDate: '2020-01-06', terminationDate: '2023-03-31', active: false });
    const back = hrRecord('1', { startDate: '2026-06-01', attributes: { department: 'Sales' } });

    const changes = diffHrRecords([back], identities([previous, 'terminated']), { asOf });

    expect(changes.rehires).toEqual([{ employeeNumber: '1', record: back, previous }]);
    expect(changes.hires).toEqual([]);
    expect(changes.movers).toEqual([]);
  });

  it('given a complete file without some people, when diffed, then those in the population leave as missing, not the terminated', () => {
    const current = identities(
      hrRecord('1'),
      [hrRecord('2'), 'pre-hire'],
      [hrRecord('3'), 'on-leave'],
      [hrRecord('4', { active: false }), 'terminated'],
    );

    const changes = diffHrRecords([hrRecord('1')], current, { asOf, complete: true });

    expect(changes.leavers).toEqual(
      ['2', '3'].map((employeeNumber) => ({
        employeeNumber,
        cause: 'missing-from-complete-file',
        reason: 'missing from a complete HR file',
        effectiveDate: asOf,
        scheduled: false,
        record: null,
      })),
    );
  });

  it('given a complete file whose row for someone was rejected, when diffed, then that person is not missing', () => {
    const current = identities(hrRecord('1'), hrRecord('2'));

    const changes = diffHrRecords([hrRecord('1')], current, { asOf, complete: true, presentInFile: new Set(['1', '2']) });

    expect(changes.leavers).toEqual([]);
  });

  it('given a file that is not declared complete, when people are missing, then they are untouched', () => {
    const changes = diffHrRecords([hrRecord('1')], identities(hrRecord('1'), hrRecord('2')), { asOf });

    expect(isEmptyChangeSet(changes)).toBe(true);
  });
});
