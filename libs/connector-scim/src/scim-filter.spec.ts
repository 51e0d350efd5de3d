import { anyOfFilter, equalsFilter, memberPath } from './scim-filter';

describe('SCIM filters', () => {
  it('given a plain user name, when compared, then it is a quoted eq filter', () => {
    expect(equalsFilter('userName', 'ada.lovelace')).toBe('userName eq "ada.lovelace"');
  });

  it('given quotes and backslashes in a value, when compared, then they are escaped as in a JSON string and cannot end the filter', () => {
    const filter = equalsFilter('userName', 'a" or userName pr or x eq "\\');

    expect(filter).toBe('userName eq "a\\" or userName pr or x eq \\"\\\\"');
    expect(JSON.parse(filter.slice('userName eq '.length))).toBe('a" or userName pr or x eq "\\');
  });

  it('given several ids, when any may match, then the comparisons are joined with or', () => {
    expect(anyOfFilter('id', ['1', '2'])).toBe('id eq "1" or id eq "2"');
  });

  it('given a member id, when selecting it in a group, then it is a value path on members', () => {
    expect(memberPath('2819c223')).toBe('members[value eq "2819c223"]');
  });
});
