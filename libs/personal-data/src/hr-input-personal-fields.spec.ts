import { mapPersonalValuesOf } from './personal-values';

const mark = (subject: string, value: unknown) => `<${subject}:${String(value)}>`;

const record = (employeeNumber: string) => ({
  employeeNumber,
  attributes: {
    givenName: 'Ingrid',
    familyName: 'Nyqvist',
    email: 'ingrid@example.com',
    department: 'Finance',
    title: 'Controller',
    managerEmployeeNumber: null,
    location: 'Lyon',
    costCenter: 'CC-7',
    employmentType: 'employee',
    custom: { phone: '+33 6' },
  },
  startDate: '2026-01-05',
  terminationDate: null,
  active: true,
});

describe('personal values of HR input records', () => {
  it('given a rejected row with an employee number, when mapped, then its raw values and errors are the person’s', () => {
    const data = { runId: 'r1', line: 3, employeeNumber: '1001', raw: { given_name: 'Ingrid', email: 'bad@' }, errors: ['email "bad@" x'] };

    expect(mapPersonalValuesOf('hr-import-r1', 'HrImportRecordRejected', data, mark)).toEqual({
      runId: 'r1',
      line: 3,
      employeeNumber: '1001',
      raw: { given_name: '<identity-1001:Ingrid>', email: '<identity-1001:bad@>' },
      errors: ['<identity-1001:email "bad@" x>'],
    });
  });

  it('given a rejected row without an employee number, when mapped, then it goes under the import run’s key', () => {
    const data = { runId: 'r1', line: 4, employeeNumber: null, raw: { given_name: 'Oskar' }, errors: [] };

    expect(mapPersonalValuesOf('hr-import-r1', 'HrImportRecordRejected', data, mark)).toMatchObject({
      raw: { given_name: '<hr-import-run-r1:Oskar>' },
    });
  });

  it('given a held change set, when mapped, then each record’s personal attributes and personal field changes are its person’s', () => {
    const changeSet = {
      hires: [{ employeeNumber: '1001', record: record('1001') }],
      rehires: [],
      movers: [],
      updates: [
        {
          employeeNumber: '1002',
          record: record('1002'),
          changes: [
            { field: 'email', before: 'a@x', after: 'b@x' },
            { field: 'location', before: 'Lyon', after: 'Paris' },
          ],
        },
      ],
      leavers: [
        { employeeNumber: '1003', cause: 'inactive-in-file', reason: 'r', effectiveDate: '2026-02-01', scheduled: false, record: null },
      ],
    };

    const mapped = mapPersonalValuesOf('hr-import-r1', 'HrImportChangesHeld', { runId: 'r1', changeSet }, mark) as {
      changeSet: typeof changeSet;
    };

    expect(mapped.changeSet.hires[0]?.record.attributes).toMatchObject({ givenName: '<identity-1001:Ingrid>', department: 'Finance' });
    expect(mapped.changeSet.updates[0]?.changes).toEqual([
      { field: 'email', before: '<identity-1002:a@x>', after: '<identity-1002:b@x>' },
      { field: 'location', before: 'Lyon', after: 'Paris' },
    ]);
    expect(mapped.changeSet.leavers[0]).toEqual(changeSet.leavers[0]);
  });

  it('given a held feed change, when mapped, then the record, the reason and the description are the person’s', () => {
    const sync = {
      holdId: 'h',
      change: { employeeNumber: '1001', action: { type: 'sync', record: record('1001') } },
      description: 'update',
    };
    const terminate = {
      holdId: 'h',
      change: { employeeNumber: '1001', action: { type: 'terminate', effectiveDate: null, reason: 'burn-out' } },
      description: 'terminate (burn-out)',
    };

    expect(mapPersonalValuesOf('hr-feed-guard-scim', 'HrFeedChangeHeld', sync, mark)).toMatchObject({
      change: { action: { record: { attributes: { email: '<identity-1001:ingrid@example.com>', location: 'Lyon' } } } },
      description: '<identity-1001:update>',
    });
    expect(mapPersonalValuesOf('hr-feed-guard-scim', 'HrFeedChangeHeld', terminate, mark)).toMatchObject({
      change: { action: { reason: '<identity-1001:burn-out>' } },
      description: '<identity-1001:terminate (burn-out)>',
    });
  });
});
