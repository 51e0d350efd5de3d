import { guardMassChange } from '../change-guard';
import { populationSize } from './current-identities';
import { diffHrRecords } from './diff-hr-records';
import { isEmptyChangeSet } from './hr-change-set';
import { importHrCsv } from './import-hr-csv';
import { company, identities } from './testing/hr-records';
import { writeHrCsv } from './write-hr-csv';

const asOf = '2026-05-10';

describe('importing a nightly HR file end to end (read, validate, diff, guard)', () => {
  const people = company(100);
  const current = identities(...people);
  const halfTheCompany = writeHrCsv(people.slice(0, 50));

  it('given a complete file that omits half the company, when imported, then the guard holds it with the numbers', () => {
    // When
    const result = importHrCsv(halfTheCompany, current);
    const changes = diffHrRecords(result.accepted, current, { asOf, complete: true, presentInFile: result.employeeNumbersInFile });
    const decision = guardMassChange(changes, populationSize(current));

    // Then
    expect(changes.leavers).toHaveLength(50);
    expect(changes.leavers.every((leave) => leave.reason === 'missing from a complete HR file')).toBe(true);
    expect(decision.decision).toBe('hold');
    expect(decision.reasons).toEqual([
      '50 terminations out of 100 identities (50.0%): more than the limit of 25 people',
      '50 terminations out of 100 identities (50.0%): more than the limit of 5.0% of the population (applies from 3 people)',
    ]);
  });

  it('given the same file not declared complete, when imported, then the missing people are untouched and it applies', () => {
    const result = importHrCsv(halfTheCompany, current);
    const changes = diffHrRecords(result.accepted, current, { asOf, presentInFile: result.employeeNumbersInFile });

    expect(isEmptyChangeSet(changes)).toBe(true);
    expect(guardMassChange(changes, populationSize(current)).decision).toBe('apply');
  });
});
