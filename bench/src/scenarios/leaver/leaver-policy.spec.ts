import { entitlementKeysFor, FULL_LEAVER_PLAN, operationsPerLeaver } from './leaver-plan';
import { birthrightForEveryone } from './leaver-policy';

describe('the leaver benchmark setup', () => {
  const applications = Array.from({ length: 20 }, (_, n) => `app-${n}`);

  it('given 30 assignments over 20 applications, when the birthright is written, then every application has one and ten have two, none twice', () => {
    const [rule] = birthrightForEveryone(applications, 30).birthrightRules;
    const keys = rule!.entitlements.map(({ application, entitlement }) => `${application}:${entitlement}`);
    expect(new Set(keys).size).toBe(30);
    expect(new Set(rule!.entitlements.map(({ application }) => application)).size).toBe(20);
    expect(rule!.entitlements.filter(({ entitlement }) => entitlement === 'role-1')).toHaveLength(10);
  });

  it('given the full plan, when a leaver is counted, then it is 30 revokes and 20 disables over role-0 and role-1', () => {
    expect(operationsPerLeaver(FULL_LEAVER_PLAN)).toBe(50);
    expect(entitlementKeysFor(FULL_LEAVER_PLAN)).toEqual(['role-0', 'role-1']);
  });
});
