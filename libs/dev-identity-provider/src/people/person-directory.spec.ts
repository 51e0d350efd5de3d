import { ADMINISTRATORS_GROUP, AUDITORS_GROUP } from '../constants';
import type { DevPerson } from './dev-person';
import { PersonDirectory, UnknownRoleMemberError } from './person-directory';

const people: DevPerson[] = [
  { employeeNumber: '10010', givenName: 'Oliver', familyName: 'Grant', name: 'Oliver Grant', email: 'oliver.grant@example.com' },
  { employeeNumber: '10040', givenName: 'Oskar', familyName: 'Nilsson', name: 'Oskar Nilsson', email: 'oskar.nilsson@example.com' },
  { employeeNumber: '10047', givenName: 'Sara', familyName: 'Lund', name: 'Sara Lund', email: 'sara.lund@example.com' },
  {
    employeeNumber: '10030',
    givenName: 'Theo',
    familyName: 'Kowalski',
    name: 'Theo Kowalski',
    email: 'theo@example.com',
    terminationDate: '2026-12-31',
  },
  { employeeNumber: '10050', givenName: 'Nora', familyName: 'New', name: 'Nora New', email: 'nora@example.com', startDate: '2027-01-11' },
];
const directory = new PersonDirectory(people, { administrators: ['10047'], auditors: ['10040'] }, 'tenure-demo', 'demo.csv');
const TODAY = '2026-11-26';

describe('person directory', () => {
  test('given the demo password, when someone signs in by employee number or by email in any case, then they are found', () => {
    expect(directory.authenticate(' 10010 ', 'tenure-demo', TODAY)?.employeeNumber).toBe('10010');
    expect(directory.authenticate('Oliver.Grant@EXAMPLE.com', 'tenure-demo', TODAY)?.employeeNumber).toBe('10010');
  });

  test('given a wrong password or an unknown login, when someone signs in, then nobody is found', () => {
    expect(directory.authenticate('10010', 'Tenure-demo', TODAY)).toBeUndefined();
    expect(directory.authenticate('99999', 'tenure-demo', TODAY)).toBeUndefined();
    expect(directory.authenticate('', 'tenure-demo', TODAY)).toBeUndefined();
  });

  test('given a leaver after their last day and a joiner before their first, when they sign in, then they are refused', () => {
    expect(directory.authenticate('10030', 'tenure-demo', '2026-12-31')?.employeeNumber).toBe('10030');
    expect(directory.authenticate('10030', 'tenure-demo', '2027-01-01')).toBeUndefined();
    expect(directory.authenticate('10050', 'tenure-demo', '2027-01-10')).toBeUndefined();
    expect(directory.authenticate('10050', 'tenure-demo', '2027-01-11')?.employeeNumber).toBe('10050');
  });

  test('given the role members, when claims are made, then administrators and auditors get their groups and others none', () => {
    expect(directory.claimsOf(people[2]!)).toEqual({
      sub: '10047',
      employee_number: '10047',
      name: 'Sara Lund',
      given_name: 'Sara',
      family_name: 'Lund',
      email: 'sara.lund@example.com',
      groups: [ADMINISTRATORS_GROUP],
    });
    expect(directory.groupsOf('10040')).toEqual([AUDITORS_GROUP]);
    expect(directory.groupsOf('10010')).toEqual([]);
  });

  test('given an administrator who is not in the HR file, when the directory is made, then it is refused naming them', () => {
    expect(() => new PersonDirectory(people, { administrators: ['10047', '77777'], auditors: [] }, 'x', 'demo.csv')).toThrow(
      new UnknownRoleMemberError('administrators', ['77777'], 'demo.csv'),
    );
  });
});
