import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importHrCsv } from './import-hr-csv';
import { HEADER, hrRecord, identities } from './testing/hr-records';

const fixture = (name: string): string => readFileSync(join(__dirname, '../../../test/fixtures/hr', name), 'utf8');

/** A row in HEADER's columns. */
function row(employeeNumber: string, manager = '', startDate = '2024-01-15'): string {
  return `${employeeNumber},Given,Family,p${employeeNumber}@example.com,Engineering,Engineer,${manager},Lyon,CC-1,employee,${startDate},`;
}

function file(...rows: string[]): string {
  return [HEADER, ...rows].join('\n');
}

describe('validating an HR extract', () => {
  it('given malformed rows, when imported, then each is rejected naming line, employee, field and problem, and the others go through', () => {
    // Given a nightly file with a short row, a bad date, a bad email, an unknown employment type,
    // a row without employee number and a termination before the start
    const extract = fixture('malformed-extract.csv');

    // When
    const result = importHrCsv(extract);

    // Then
    expect(result.accepted.map((record) => record.employeeNumber)).toEqual(['1000', '1001', '1007']);
    expect(result.rejected.map(({ line, employeeNumber, errors }) => ({ line, employeeNumber, errors }))).toEqual([
      {
        line: 4,
        employeeNumber: '1002',
        errors: [
          'line 4 (employee 1002): the row has 8 fields but the header has 12',
          'line 4 (employee 1002): employment_type is empty but required',
          'line 4 (employee 1002): start_date is empty but required',
        ],
      },
      { line: 5, employeeNumber: '1003', errors: ['line 5 (employee 1003): start_date "2026-13-01" is not a date (YYYY-MM-DD)'] },
      { line: 6, employeeNumber: '1004', errors: ['line 6 (employee 1004): email "barbara(at)example.com" is not an email address'] },
      {
        line: 7,
        employeeNumber: '1005',
        errors: ['line 7 (employee 1005): employment_type "permanent" is not one of employee, contractor, intern, temporary'],
      },
      { line: 8, employeeNumber: undefined, errors: ['line 8: employee_number is empty but required'] },
      {
        line: 9,
        employeeNumber: '1006',
        errors: ['line 9 (employee 1006): termination_date "2022-05-31" is before start_date "2022-06-01"'],
      },
    ]);
  });

  it('given a rejected row, when imported, then its raw values are kept for correction and re-submission', () => {
    const result = importHrCsv(fixture('malformed-extract.csv'));

    const badDate = result.rejected.find((rejected) => rejected.employeeNumber === '1003');

    expect(badDate?.raw).toEqual({
      employee_number: '1003',
      given_name: 'Edsger',
      family_name: 'Dijkstra',
      email: 'edsger@example.com',
      department: 'Engineering',
      title: 'Engineer',
      manager_employee_number: '1001',
      location: 'Lyon',
      cost_center: 'CC-2',
      employment_type: 'employee',
      start_date: '2026-13-01',
      termination_date: '',
    });
    expect(result.employeeNumbersInFile).toEqual(new Set(['1000', '1001', '1002', '1003', '1004', '1005', '1006', '1007']));
  });

  it('given one employee number on two lines, when imported, then every occurrence is rejected naming the other line', () => {
    const result = importHrCsv(file(row('1'), row('2'), row('1')));

    expect(result.accepted.map((record) => record.employeeNumber)).toEqual(['2']);
    expect(result.rejected.map((rejected) => rejected.errors)).toEqual([
      ['line 2 (employee 1): employee_number "1" also appears on line 4: each person must appear once, so every occurrence is held'],
      ['line 4 (employee 1): employee_number "1" also appears on line 2: each person must appear once, so every occurrence is held'],
    ]);
  });

  it('given two people managing each other, when imported, then both are rejected naming the chain and their reports go through', () => {
    const result = importHrCsv(file(row('A', 'B'), row('B', 'A'), row('C', 'A')));

    expect(result.accepted.map((record) => record.employeeNumber)).toEqual(['C']);
    expect(result.rejected.map((rejected) => rejected.errors)).toEqual([
      ['line 2 (employee A): manager_employee_number "B" makes a manager cycle A → B → A: every person in it is held'],
      ['line 3 (employee B): manager_employee_number "A" makes a manager cycle B → A → B: every person in it is held'],
    ]);
  });

  it('given a file that closes a cycle through a current identity, when imported, then the file row is rejected', () => {
    // Given X already reports to Y; the file makes Y report to X
    const current = identities(hrRecord('X', { attributes: { managerEmployeeNumber: 'Y' } }), hrRecord('Y'));

    const result = importHrCsv(file(row('Y', 'X')), current);

    expect(result.accepted).toEqual([]);
    expect(result.rejected[0]?.errors).toEqual([
      'line 2 (employee Y): manager_employee_number "X" makes a manager cycle Y → X → Y: every person in it is held',
    ]);
  });

  it('given someone managing themself, when imported, then the row is rejected', () => {
    const result = importHrCsv(file(row('7', '7')));

    expect(result.rejected[0]?.errors).toEqual([
      'line 2 (employee 7): manager_employee_number "7" is the employee themself: nobody manages themself',
    ]);
  });

  it('given a manager neither in the file nor known, when imported, then the record is accepted with a warning', () => {
    const current = identities(hrRecord('K'));

    const result = importHrCsv(file(row('1', 'K'), row('2', '1'), row('3', 'GHOST')), current);

    expect(result.accepted.map((record) => record.employeeNumber)).toEqual(['1', '2', '3']);
    expect(result.warnings).toEqual([
      {
        line: 4,
        employeeNumber: '3',
        message:
          'line 4 (employee 3): manager_employee_number "GHOST" is not a known identity nor accepted in this file; the record is accepted and linked when that manager appears',
      },
    ]);
  });

  it('given optional active and custom columns, when imported, then they shape the record', () => {
    const extract = `${HEADER},active,custom.division\n1,A,B,a@example.com,D,T,,L,C,Employee,2024-01-01,,No,Research\n2,A,B,b@example.com,D,T,,L,C,intern,2024-01-01,,maybe,\n`;

    const result = importHrCsv(extract);

    expect(result.accepted).toEqual([
      hrRecord('1', {
        startDate: '2024-01-01',
        active: false,
        attributes: {
          givenName: 'A',
          familyName: 'B',
          email: 'a@example.com',
          department: 'D',
          title: 'T',
          location: 'L',
          costCenter: 'C',
          custom: { division: 'Research' },
        },
      }),
    ]);
    expect(result.rejected[0]?.errors).toEqual(['line 3 (employee 2): active "maybe" is not true or false']);
  });
});
