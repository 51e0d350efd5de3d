import type { People } from '../workload/people';
import { expectedMemberships, type BirthrightTable } from '../workload/expected-access';
import { membershipKey, type ChaosTarget, type TargetState } from '../targets/target-state';
import { Findings } from './findings';

/**
 * Compares each real target with the oracle: every expected membership exactly once, an enabled
 * account for every active person, nothing else for anyone, and every leaver's account disabled.
 */
export function compareTarget(target: ChaosTarget, state: TargetState, people: People, table: BirthrightTable): Findings {
  const findings = new Findings();
  const app = target.applicationId;
  const expectedKeys = new Set<string>();
  for (const person of people.all()) {
    if (!person.identityId) continue;
    const expected = expectedMemberships(person, target, table);
    for (const entitlement of expected) {
      const key = membershipKey(person.userName, entitlement);
      expectedKeys.add(key);
      const count = state.memberships.get(key) ?? 0;
      if (count === 0) findings.lost.push(`${person.userName} (${person.department}) is not in ${app}/${entitlement}`);
      if (count > 1) findings.duplicated.push(`${person.userName} is in ${app}/${entitlement} ${count} times`);
    }
    const account = state.accounts.get(person.userName);
    if (account && account.count > 1) findings.duplicated.push(`${person.userName} has ${account.count} accounts in ${app}`);
    if (person.status === 'active' && expected.length > 0 && !account?.enabled)
      findings.lost.push(`${person.userName} has no enabled account in ${app}`);
    if (person.status === 'terminated' && account?.enabled)
      findings.notRevoked.push(`leaver ${person.userName}'s account in ${app} is enabled`);
  }
  for (const [key, count] of state.memberships) {
    if (expectedKeys.has(key)) continue;
    const [userName, entitlement] = key.split(' ');
    const person = people.all().find((candidate) => candidate.userName === userName);
    findings.notRevoked.push(
      `${userName} (${person?.status ?? 'unknown'}, ${person?.department ?? '?'}) still in ${app}/${entitlement}${count > 1 ? ` ${count} times` : ''}`,
    );
  }
  return findings;
}

export function merge(all: readonly Findings[]): Findings {
  const merged = new Findings();
  for (const findings of all) {
    merged.lost.push(...findings.lost);
    merged.duplicated.push(...findings.duplicated);
    merged.notRevoked.push(...findings.notRevoked);
    merged.other.push(...findings.other);
  }
  return merged;
}
