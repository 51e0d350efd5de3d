import type { HrRecord } from '../../domain/hr-record';
import type { CurrentIdentities, HrChangeSet } from '../../hr-inputs/csv';
import { provablyCycleFree } from './cycle-free-changes';

function record(employeeNumber: string, manager: string | null): HrRecord {
  return {
    employeeNumber,
    startDate: '2025-01-06',
    terminationDate: null,
    active: true,
    attributes: {
      givenName: 'G',
      familyName: 'F',
      email: `${employeeNumber}@example.com`,
      department: 'Engineering',
      title: 'Engineer',
      managerEmployeeNumber: manager,
      location: 'Lyon',
      costCenter: 'CC-1',
      employmentType: 'employee',
      custom: {},
    },
  };
}

function hires(...records: HrRecord[]): HrChangeSet {
  return {
    hires: records.map((r) => ({ employeeNumber: r.employeeNumber, record: r })),
    rehires: [],
    movers: [],
    updates: [],
    leavers: [],
  } as unknown as HrChangeSet;
}

describe('provablyCycleFree', () => {
  it('given a top-down hierarchy of new hires, when checked, then everyone is ruled out of a cycle', () => {
    const safe = provablyCycleFree(hires(record('1', null), record('2', '1'), record('3', '2'), record('4', 'unknown')), new Map());
    expect([...safe].sort()).toEqual(['1', '2', '3', '4']);
  });

  it('given a move under one of the mover’s own reports in the directory, when checked, then the mover is left to the per-record check', () => {
    const current: CurrentIdentities = new Map([
      ['1', { record: record('1', null), status: 'active' }],
      ['2', { record: record('2', '1'), status: 'active' }],
    ]);
    const moves = { ...hires(), movers: [{ employeeNumber: '1', record: record('1', '2') }] } as unknown as HrChangeSet;
    expect(provablyCycleFree(moves, current).has('1')).toBe(false);
  });

  it('given self-management, when checked, then it is left to the decider', () => {
    expect(provablyCycleFree(hires(record('1', '1')), new Map()).size).toBe(0);
  });
});
