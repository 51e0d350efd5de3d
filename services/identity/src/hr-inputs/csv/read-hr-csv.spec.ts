import { readHrCsv } from './read-hr-csv';
import { importHrCsv } from './import-hr-csv';

const ROW = '1042,Ada,Lovelace,ada@example.com,Engineering,Engineer,,Lyon,CC-1,employee,2024-01-15,';

describe('reading an HR extract', () => {
  it('given a file with a byte order mark, CRLF line endings and headers in any case, when read, then the rows come through', () => {
    // Given
    const header =
      'Employee_Number,GIVEN_NAME,Family Name,Email,Department,Title,Manager-Employee-Number,Location,Cost_Center,Employment_Type,Start_Date,Termination_Date,Custom.Division';
    const file = `\uFEFF${header}\r\n${ROW},Research\r\n`;

    // When
    const result = importHrCsv(file);

    // Then
    expect(result.fileErrors).toEqual([]);
    expect(result.rejected).toEqual([]);
    expect(result.accepted).toEqual([
      {
        employeeNumber: '1042',
        startDate: '2024-01-15',
        terminationDate: null,
        active: true,
        attributes: {
          givenName: 'Ada',
          familyName: 'Lovelace',
          email: 'ada@example.com',
          department: 'Engineering',
          title: 'Engineer',
          managerEmployeeNumber: null,
          location: 'Lyon',
          costCenter: 'CC-1',
          employmentType: 'employee',
          custom: { division: 'Research' },
        },
      },
    ]);
  });

  it('given a header without required columns, when read, then the file is refused naming them and nothing is accepted', () => {
    const result = importHrCsv('employee_number,given_name,family_name\r\n1042,Ada,Lovelace\r\n');

    expect(result.accepted).toEqual([]);
    expect(result.fileErrors).toEqual([
      'the header lacks these required columns: email, department, title, manager_employee_number, location, cost_center, employment_type, start_date',
    ]);
  });

  it('given an empty file, when read, then it is refused for lacking a header', () => {
    expect(importHrCsv('').fileErrors).toEqual(['the file is empty: expected a header row naming the columns']);
  });

  it('given a repeated column and an unknown one, when read, then the repeat refuses the file and the unknown one is a warning', () => {
    const header =
      'employee_number,given_name,family_name,email,department,title,manager_employee_number,location,cost_center,employment_type,start_date,shoe_size';

    const ok = readHrCsv(`${header}\n${ROW.slice(0, -1)},42\n`);
    const repeated = readHrCsv(`${header},Email\n`);

    expect(ok.warnings).toEqual(['column "shoe_size" is not a known column and is ignored']);
    expect(ok.rows[0]?.values).not.toHaveProperty('shoe_size');
    expect(repeated.fileErrors).toEqual(['the header names these columns more than once: email']);
  });

  it('given a quoted field spanning two lines, when read, then later rows keep their real line numbers', () => {
    const header =
      'employee_number,given_name,family_name,email,department,title,manager_employee_number,location,cost_center,employment_type,start_date';
    const file = `${header}\n1,"Multi\nLine",X,a@example.com,D,T,,L,C,employee,2024-01-01\n2,B,Y,not-an-email,D,T,,L,C,employee,2024-01-01\n`;

    const result = importHrCsv(file);

    expect(result.accepted.map((record) => record.attributes.givenName)).toEqual(['Multi\nLine']);
    expect(result.rejected.map((row) => row.line)).toEqual([4]);
  });

  it('given an unclosed quote on the last row, when read, then that row is rejected with its text and the earlier rows go through', () => {
    const header =
      'employee_number,given_name,family_name,email,department,title,manager_employee_number,location,cost_center,employment_type,start_date';
    const file = `${header}\n1,A,X,a@example.com,D,T,,L,C,employee,2024-01-01\n2,"B,Y,b@example.com,D,T,,L,C,employee,2024-01-01\n`;

    const result = importHrCsv(file);

    expect(result.accepted.map((record) => record.employeeNumber)).toEqual(['1']);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]?.raw['unparsed']).toContain('2,"B,Y');
    expect(result.rejected[0]?.errors[0]).toMatch(/^line 3: the row is not readable as CSV: Quote Not Closed/);
  });
});
