import { toIdentityFilter, UnsupportedFilterError } from './scim-filter';

describe('toIdentityFilter', () => {
  it('maps core, enterprise and Tenure attribute paths onto identity fields', () => {
    expect(
      toIdentityFilter(
        'userName eq "E1" and urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department sw "Eng" and urn:ietf:params:scim:schemas:extension:tenure:hr:2.0:User:location pr',
      ),
    ).toEqual([
      [
        { field: 'employeeNumber', operator: 'eq', value: 'E1', negated: false },
        { field: 'department', operator: 'sw', value: 'Eng', negated: false },
        { field: 'location', operator: 'pr', negated: false },
      ],
    ]);
  });

  it('keeps or-groups apart and keeps negation', () => {
    expect(toIdentityFilter('name.familyName co "son" or not (title pr)')).toEqual([
      [{ field: 'familyName', operator: 'co', value: 'son', negated: false }],
      [{ field: 'title', operator: 'pr', negated: true }],
    ]);
  });

  it('reads value paths and repeated conditions on one attribute', () => {
    expect(toIdentityFilter('emails[type eq "work"].value ew "@example.com" and title co "a" and title co "b"')).toEqual([
      [
        { field: 'emailType', operator: 'eq', value: 'work', negated: false },
        { field: 'email', operator: 'ew', value: '@example.com', negated: false },
        { field: 'title', operator: 'co', value: 'a', negated: false },
        { field: 'title', operator: 'co', value: 'b', negated: false },
      ],
    ]);
  });

  it('keeps booleans as booleans', () => {
    expect(toIdentityFilter('active eq false')).toEqual([[{ field: 'active', operator: 'eq', value: false, negated: false }]]);
  });

  it('names an attribute that cannot be filtered on', () => {
    expect(() => toIdentityFilter('nickName eq "Bob"')).toThrow(UnsupportedFilterError);
    expect(() => toIdentityFilter('nickName eq "Bob"')).toThrow(/filter attribute "nickName" cannot be filtered on/);
  });

  it('lets SCIMMY reject bad syntax as invalidFilter', () => {
    expect(() => toIdentityFilter('userName eq "unterminated')).toThrow(expect.objectContaining({ scimType: 'invalidFilter' }));
  });
});
