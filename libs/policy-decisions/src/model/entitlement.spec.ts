import { entitlementKey, parseEntitlementKey, riskRank } from './entitlement';

describe('entitlement keys', () => {
  it('given an entitlement, when keyed and parsed back, then it is the same, even with a colon in the entitlement key', () => {
    const ref = { application: 'postgres', entitlement: 'role:reporting' };

    expect(entitlementKey(ref)).toBe('postgres:role:reporting');
    expect(parseEntitlementKey(entitlementKey(ref))).toEqual(ref);
  });

  it('given a string without an application or an entitlement, when parsed, then it is refused naming the string', () => {
    expect(() => parseEntitlementKey('github')).toThrow('"github" is not an entitlement key');
    expect(() => parseEntitlementKey(':x')).toThrow(RangeError);
    expect(() => parseEntitlementKey('x:')).toThrow(RangeError);
  });

  it('given risk levels, when ranked, then low < medium < high < critical', () => {
    expect(['critical', 'low', 'high', 'medium'].map((risk) => riskRank(risk as never))).toEqual([3, 0, 2, 1]);
  });
});
