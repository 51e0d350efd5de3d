import type { HrImportRun } from './queries';
import { unnamedRowsState } from './unnamed-rows';

type Rejected = HrImportRun['rejectedRecords'][number];

function rejected(line: number, employeeNumber: string | null): Rejected {
  return { line, employeeNumber, errors: ['line: something is wrong'], corrected: false, correctionResult: null };
}

describe('unnamedRowsState', () => {
  it('given rejected rows without an employee number and no erasure, when read, then they are counted as readable', () => {
    const run = { unnamedRowsErasedAt: null, rejectedRecords: [rejected(2, null), rejected(3, '10036'), rejected(4, '')] };

    expect(unnamedRowsState(run)).toEqual({ kind: 'readable', count: 2 });
  });

  it('given only rows that name a person, when read, then there is nothing to erase', () => {
    const run = { unnamedRowsErasedAt: null, rejectedRecords: [rejected(2, '10036')] };

    expect(unnamedRowsState(run)).toEqual({ kind: 'none' });
  });

  it('given the rows erased, when read, then the erasure time is given instead of a count', () => {
    const run = { unnamedRowsErasedAt: '2026-03-14T09:30:00.000Z', rejectedRecords: [rejected(2, null)] };

    expect(unnamedRowsState(run)).toEqual({ kind: 'erased', at: '2026-03-14T09:30:00.000Z' });
  });
});
