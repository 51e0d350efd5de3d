import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import { personCaller } from './caller';
import { oversees, requireOversight, type ReportingLineTable } from './reporting-line';

// A service's copy of the directory: 1 runs the company, 2 reports to 1, 3 and 4 report to 2; 8 and 9 manage each other (bad HR data).
const DIRECTORY: ReportingLineTable = { table: 'test_directory', managerOf: 'd.manager' };

describe('the reporting line, from a service’s copy of the directory', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(2);
    await database.pool.query(`CREATE TABLE test_directory (employee_number text PRIMARY KEY, identity_id text NOT NULL, manager text)`);
    await database.pool.query(
      `INSERT INTO test_directory VALUES ('1', 'id-1', NULL), ('2', 'id-2', '1'), ('3', 'id-3', '2'), ('4', 'id-4', '2'),
       ('8', 'id-8', '9'), ('9', 'id-9', '8')`,
    );
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('given the person themselves, their manager or their manager’s manager, when asked, then they oversee the person', async () => {
    for (const employeeNumber of ['3', '2', '1']) {
      expect(await oversees(database.pool, DIRECTORY, personCaller(employeeNumber), 'id-3')).toBe(true);
    }
  });

  it('given a peer or a report, when asked, then they do not', async () => {
    expect(await oversees(database.pool, DIRECTORY, personCaller('4'), 'id-3')).toBe(false);
    expect(await oversees(database.pool, DIRECTORY, personCaller('3'), 'id-2')).toBe(false);
  });

  it('given an auditor or an administrator, when asked about anyone, then they oversee them; an unknown identity is nobody’s', async () => {
    expect(await oversees(database.pool, DIRECTORY, personCaller('4', ['auditor']), 'id-3')).toBe(true);
    expect(await oversees(database.pool, DIRECTORY, personCaller('4', ['administrator']), 'id-1')).toBe(true);
    expect(await oversees(database.pool, DIRECTORY, personCaller('1'), 'id-unknown')).toBe(false);
  });

  it('given managers who manage each other, when a stranger asks, then the walk ends and the answer is no', async () => {
    expect(await oversees(database.pool, DIRECTORY, personCaller('1'), 'id-8')).toBe(false);
    expect(await oversees(database.pool, DIRECTORY, personCaller('9'), 'id-8')).toBe(true);
  });

  it('given a peer, when oversight is required, then it is forbidden naming what was asked', async () => {
    await expect(requireOversight(database.pool, DIRECTORY, personCaller('4'), 'id-3', 'accounts')).rejects.toMatchObject({
      code: 'forbidden',
      message: 'the accounts of id-3 are for the person, their managers, administrators and auditors',
    });
  });
});
