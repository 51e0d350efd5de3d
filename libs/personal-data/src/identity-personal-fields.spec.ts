import { mapPersonalValues, personalDataSubject } from './identity-personal-fields';

const attributes = {
  givenName: 'Ingrid',
  familyName: 'Nyqvist',
  email: 'ingrid@example.com',
  department: 'Finance',
  title: 'Controller',
  managerEmployeeNumber: '1000',
  location: 'Lyon',
  costCenter: 'CC-7',
  employmentType: 'employee',
  custom: { phone: '+33 6 12 34 56 78' },
};
const mark = (value: unknown) => `<${String(value)}>`;

describe('personal fields of identity events', () => {
  it('given a hire, when its personal values are mapped, then exactly names, email and custom values change', () => {
    const data = { identityId: 'id-1', employeeNumber: '1001', attributes, startDate: '2026-01-05' };

    expect(mapPersonalValues('IdentityHired', data, mark)).toEqual({
      ...data,
      attributes: {
        ...attributes,
        givenName: '<Ingrid>',
        familyName: '<Nyqvist>',
        email: '<ingrid@example.com>',
        custom: { phone: '<+33 6 12 34 56 78>' },
      },
    });
  });

  it('given a change, when mapped, then both before and after are, and only the attributes they hold', () => {
    const data = { identityId: 'id-1', before: { familyName: 'Nyqvist', title: 'A' }, after: { familyName: 'Berg', title: 'B' } };

    expect(mapPersonalValues('IdentityMoved', data, mark)).toEqual({
      identityId: 'id-1',
      before: { familyName: '<Nyqvist>', title: 'A' },
      after: { familyName: '<Berg>', title: 'B' },
    });
  });

  it('given reasons of leave and termination, when mapped, then free text is personal and a missing reason stays null', () => {
    expect(mapPersonalValues('IdentityLeaveStarted', { reason: 'medical' }, mark)).toEqual({ reason: '<medical>' });
    expect(mapPersonalValues('IdentityTerminated', { reason: null }, mark)).toEqual({ reason: null });
  });

  it('given events that carry no personal data, when mapped, then they are returned untouched', () => {
    const data = { identityId: 'id-1', effectiveDate: '2026-05-10' };

    expect(mapPersonalValues('IdentityReturnedFromLeave', data, mark)).toBe(data);
    expect(mapPersonalValues('PersonalDataErased', data, mark)).toBe(data);
  });

  it('given stream ids, when asked whose data they hold, then only identity streams have a subject', () => {
    expect(personalDataSubject('identity-1001')).toBe('identity-1001');
    expect(personalDataSubject('assignments-1001')).toBeNull();
  });
});
