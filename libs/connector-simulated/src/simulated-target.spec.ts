import { collectAll, contractAccountSpec } from '@tenure/connector-contract';
import { SimulatedSaasTarget } from './simulated-target';

function targetWith(userNames: readonly string[]): SimulatedSaasTarget {
  const target = new SimulatedSaasTarget('app', [
    { key: 'a', displayName: 'A', description: null, kind: 'group' },
    { key: 'b', displayName: 'B', description: null, kind: 'group' },
  ]);
  for (const userName of userNames) target.upsertAccount(contractAccountSpec(userName));
  return target;
}

describe('simulated SaaS target', () => {
  it('given accounts deleted between two pages, when listing grants, then every remaining grant appears exactly once', () => {
    const target = targetWith(['u1', 'u2', 'u3', 'u4']);
    for (const userName of ['u1', 'u2', 'u3', 'u4']) {
      target.grant(userName, 'a');
      target.grant(userName, 'b');
    }

    const first = target.listGrants(null, 3);
    target.deleteAccount('u2');
    const rest = target.listGrants(first.nextCursor, 100);

    expect(first.items.map((grant) => `${grant.userName}:${grant.entitlementKey}`)).toEqual(['u1:a', 'u1:b', 'u2:a']);
    expect(rest.items.map((grant) => `${grant.userName}:${grant.entitlementKey}`)).toEqual(['u3:a', 'u3:b', 'u4:a', 'u4:b']);
    expect(rest.nextCursor).toBeNull();
  });

  it('given 20,000 accounts, when listing them a thousand at a time, then each comes once, in order', async () => {
    const userNames = Array.from({ length: 20_000 }, (_, i) => `user${String(i).padStart(5, '0')}`);
    const target = targetWith([...userNames].reverse());

    const listed = await collectAll(async (cursor, size) => target.listAccounts(cursor, size), 1000);

    expect(listed.map((account) => account.userName)).toEqual(userNames);
  });

  it('given a cursor it did not hand out, when listing, then it fails as invalid', () => {
    expect(() => targetWith([]).listAccounts('not-a-cursor', 10)).toThrow(expect.objectContaining({ kind: 'invalid' }));
  });
});
