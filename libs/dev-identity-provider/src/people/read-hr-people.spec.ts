import { HrPeopleFileError, readHrPeople } from './read-hr-people';

const HEADER = 'employee_number,given_name,family_name,email,department,title,manager_employee_number,start_date,termination_date';

describe('reading people from the HR file', () => {
  test('given quoted fields with commas and newlines, when the file is read, then each person keeps whole values', () => {
    const csv = `${HEADER}\n10007,Priya,Raman,priya.raman@example.com,Engineering,"Engineering Manager, Platform",10002,2019-04-01,\n10008,"Tomasz","Wo""zniak",tomasz@example.com,Engineering,"Manager\nProduct",10002,,2026-12-31\n`;

    const { people, problems } = readHrPeople(csv, 'hr.csv');

    expect(problems).toEqual([]);
    expect(people).toEqual([
      {
        employeeNumber: '10007',
        givenName: 'Priya',
        familyName: 'Raman',
        name: 'Priya Raman',
        email: 'priya.raman@example.com',
        startDate: '2019-04-01',
      },
      {
        employeeNumber: '10008',
        givenName: 'Tomasz',
        familyName: 'Wo"zniak',
        name: 'Tomasz Wo"zniak',
        email: 'tomasz@example.com',
        terminationDate: '2026-12-31',
      },
    ]);
  });

  test('given rows without an employee number or repeated, when the file is read, then they are left out and named', () => {
    const csv = `${HEADER}\n,Anna,Nobody,anna@example.com,,,,,\n10001,Amara,Okafor,amara@example.com,,,,not-a-date,\n10001,Again,Okafor,again@example.com,,,,,\n`;

    const { people, problems } = readHrPeople(csv, 'hr.csv');

    expect(people.map((person) => person.employeeNumber)).toEqual(['10001']);
    expect(people[0]?.startDate).toBeUndefined();
    expect(problems).toEqual([
      'row 2: no employee_number; this person cannot sign in',
      'row 3: start_date "not-a-date" is not a YYYY-MM-DD date; it is ignored',
      'row 4: employee_number 10001 appears again; only its first row is used',
    ]);
  });

  test('given a file without the email column, when it is read, then it is refused naming the file and the column', () => {
    expect(() => readHrPeople('employee_number,given_name,family_name\n1,A,B\n', 'people.csv')).toThrow(
      new HrPeopleFileError('people.csv', 'missing column(s) email'),
    );
  });

  test('given an empty file, when it is read, then it is refused', () => {
    expect(() => readHrPeople('', 'empty.csv')).toThrow('HR file empty.csv: the file is empty');
  });
});
