import fc from 'fast-check';
import { childDn, childValue, escapeDnValue, normalizeDn, parseDn } from './dn';

const people = 'ou=people,dc=tenure,dc=test';

describe('distinguished names', () => {
  it('given any value, when it is escaped into a DN and parsed back, then the same value comes out as one RDN', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), (value) => {
        const parsed = parseDn(childDn('uid', value, people));

        expect(parsed?.[0]).toEqual([{ type: 'uid', value }]);
        expect(parsed).toHaveLength(4);
      }),
    );
  });

  it('given DN syntax in a value, when escaped, then every special character is escaped and spaces only at the ends', () => {
    expect(escapeDnValue('smith, john+admin=1')).toBe('smith\\, john\\+admin\\=1');
    expect(escapeDnValue('"<q>";\\')).toBe('\\"\\<q\\>\\"\\;\\\\');
    expect(escapeDnValue(' #lead trail ')).toBe('\\ #lead trail\\ ');
    expect(escapeDnValue('#hash')).toBe('\\#hash');
  });

  it('given a member DN as the server writes it (hex escapes, other case, spaces), when read under the users base, then the user name comes out', () => {
    expect(childValue("UID=o'brien\\2C j,OU=People, dc=Tenure,dc=test", 'uid', normalizeDn(people) ?? '')).toBe("o'brien, j");
    expect(childValue('uid=caf\\C3\\A9,ou=people,dc=tenure,dc=test', 'uid', normalizeDn(people) ?? '')).toBe('café');
  });

  it('given a DN that is not a direct uid child of the base, then it names no user', () => {
    const base = normalizeDn(people) ?? '';

    expect(childValue('ou=groups,dc=tenure,dc=test', 'uid', base)).toBeNull();
    expect(childValue('cn=ada,ou=people,dc=tenure,dc=test', 'uid', base)).toBeNull();
    expect(childValue('uid=ada,ou=contractors,ou=people,dc=tenure,dc=test', 'uid', base)).toBeNull();
    expect(childValue('uid=ada+cn=x,ou=people,dc=tenure,dc=test', 'uid', base)).toBeNull();
    expect(childValue('not a dn', 'uid', base)).toBeNull();
  });
});
