import type { DirectoryIdentity } from './hr-directory';
import { ENTERPRISE_USER_SCHEMA_ID, TENURE_HR_SCHEMA_ID } from './scim-schemas';
import { assertEmployeeNumberUnchanged, identityToScimUser, ScimUserInvalidError, scimUserToHrRecord } from './scim-user-mapping';

const validUser = {
  userName: 'E1001',
  externalId: 'workday-77',
  name: { givenName: 'Ada', familyName: 'Lovelace' },
  title: 'Engineer',
  emails: [
    { value: 'ada@home.example', type: 'home' },
    { value: 'Ada@Example.com', type: 'work', primary: true },
  ],
  [ENTERPRISE_USER_SCHEMA_ID]: {
    employeeNumber: 'E1001',
    department: 'Engineering',
    costCenter: 'CC-10',
    organization: 'Tenure',
    manager: { value: 'E1000' },
  },
  [TENURE_HR_SCHEMA_ID]: { startDate: '2024-02-01', location: 'Paris', employmentType: 'contractor' },
};

function problemsOf(user: unknown): readonly { attribute: string; scimType: string }[] {
  try {
    scimUserToHrRecord(user);
  } catch (error) {
    if (error instanceof ScimUserInvalidError) return error.problems;
    throw error;
  }
  throw new Error('expected the user to be rejected');
}

describe('scimUserToHrRecord', () => {
  it('reads a full SCIM user into an HR record', () => {
    expect(scimUserToHrRecord(validUser)).toEqual({
      externalId: 'workday-77',
      record: {
        employeeNumber: 'E1001',
        attributes: {
          givenName: 'Ada',
          familyName: 'Lovelace',
          email: 'ada@example.com',
          department: 'Engineering',
          title: 'Engineer',
          managerEmployeeNumber: 'E1000',
          location: 'Paris',
          costCenter: 'CC-10',
          employmentType: 'contractor',
          custom: { organization: 'Tenure' },
        },
        startDate: '2024-02-01',
        terminationDate: null,
        active: true,
      },
    });
  });

  it('defaults optional attributes', () => {
    const { record } = scimUserToHrRecord({
      userName: 'E2',
      name: { givenName: 'B', familyName: 'C' },
      emails: [{ value: 'b@example.com' }],
      active: false,
      [TENURE_HR_SCHEMA_ID]: { startDate: '2020-01-01', terminationDate: '2024-12-31' },
    });
    expect(record).toMatchObject({ active: false, terminationDate: '2024-12-31' });
    expect(record.attributes).toMatchObject({
      department: '',
      title: '',
      managerEmployeeNumber: null,
      employmentType: 'employee',
      custom: {},
    });
  });

  it('names every bad attribute', () => {
    expect(
      problemsOf({
        userName: 'has space',
        name: { givenName: 'A' },
        emails: [{ value: 'not-an-email', primary: true }],
        [ENTERPRISE_USER_SCHEMA_ID]: { employeeNumber: 'X' },
        [TENURE_HR_SCHEMA_ID]: { startDate: '2024-02-30', employmentType: 'pirate' },
      }).map((each) => each.attribute),
    ).toEqual([
      'userName',
      `${ENTERPRISE_USER_SCHEMA_ID}:employeeNumber`,
      'name.familyName',
      'emails.value',
      `${TENURE_HR_SCHEMA_ID}:employmentType`,
      `${TENURE_HR_SCHEMA_ID}:startDate`,
    ]);
  });

  it('rejects a missing work email, a self-managing person and a termination before the start', () => {
    expect(
      problemsOf({
        userName: 'E3',
        name: { givenName: 'A', familyName: 'B' },
        [ENTERPRISE_USER_SCHEMA_ID]: { manager: { value: 'E3' } },
        [TENURE_HR_SCHEMA_ID]: { startDate: '2024-02-01', terminationDate: '2023-01-01' },
      }).map((each) => each.attribute),
    ).toEqual(['emails', `${ENTERPRISE_USER_SCHEMA_ID}:manager.value`, `${TENURE_HR_SCHEMA_ID}:terminationDate`]);
  });

  it('refuses a change of employee number as a mutability problem', () => {
    const { record } = scimUserToHrRecord(validUser);
    expect(() => assertEmployeeNumberUnchanged(record, { ...record, employeeNumber: 'E9' })).toThrow(
      expect.objectContaining({ scimType: 'mutability', message: expect.stringContaining('userName') }),
    );
  });
});

describe('identityToScimUser', () => {
  it('writes back what it read, with the version as a weak ETag', () => {
    const { record, externalId } = scimUserToHrRecord(validUser);
    const identity: DirectoryIdentity = {
      id: 'a1',
      version: '3',
      record,
      externalId,
      status: 'active',
      created: new Date('2024-01-01T00:00:00Z'),
      lastModified: new Date('2024-01-02T00:00:00Z'),
    };
    const user = identityToScimUser(identity);
    expect(user).toMatchObject({ id: 'a1', userName: 'E1001', active: true, meta: { version: 'W/"3"' } });
    expect(scimUserToHrRecord(user)).toEqual({ record, externalId });
    expect(identityToScimUser({ ...identity, status: 'terminated' })).toMatchObject({ active: false });
  });
});
