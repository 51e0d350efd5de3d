import type { TargetAccount } from '@tenure/connector-sdk';
import { CONTRACT_TEST_TIMEOUT_MS, type ContractRun } from './contract-run';
import { collectAll } from './paging';

const byUserName = (a: { userName: string }, b: { userName: string }) => a.userName.localeCompare(b.userName);

export function describeListingContract(run: ContractRun): void {
  describe('listings', () => {
    it(
      'given five accounts, when listing accounts two at a time, then each appears exactly once with its attributes',
      async () => {
        if (!run.supports('createAccount', 'list')) return;
        const scope = run.scope();
        const created: TargetAccount[] = [];
        for (let i = 0; i < 5; i += 1) created.push(await run.createAccount(scope.next()));

        // collectAll also fails on a page larger than 2 or a repeated cursor.
        const listed = await collectAll(run.connector.listAccounts.bind(run.connector), 2);

        const ours = listed.filter((account) => scope.owns(account.userName)).sort(byUserName);
        const expected = created
          .map(({ userName, email, displayName, employeeNumber }) => ({ userName, email, displayName, employeeNumber, enabled: true }))
          .sort(byUserName);
        expect(ours).toHaveLength(expected.length);
        expect(ours).toEqual(expected.map((account) => expect.objectContaining(account)));
        const allUserNames = listed.map((account) => account.userName);
        expect(new Set(allUserNames).size).toBe(allUserNames.length);
      },
      CONTRACT_TEST_TIMEOUT_MS,
    );

    it(
      'given the target, when listing entitlements two at a time, then the known entitlement keys appear exactly once each',
      async () => {
        if (!run.supports('list')) return;

        const listed = await collectAll(run.connector.listEntitlements.bind(run.connector), 2);

        const keys = listed.map((entitlement) => entitlement.key);
        for (const key of run.entitlementKeys) expect(keys.filter((listedKey) => listedKey === key)).toEqual([key]);
        expect(new Set(keys).size).toBe(keys.length);
        for (const entitlement of listed) {
          expect(entitlement).toMatchObject({ key: expect.any(String), displayName: expect.any(String), kind: expect.any(String) });
        }
      },
      CONTRACT_TEST_TIMEOUT_MS,
    );

    it(
      'given three accounts holding two entitlements each, when listing grants two at a time, then each grant appears exactly once',
      async () => {
        if (!run.supports('createAccount', 'grant', 'list')) return;
        const scope = run.scope();
        const expected: { userName: string; entitlementKey: string }[] = [];
        for (let i = 0; i < 3; i += 1) {
          const userName = scope.next();
          await run.createAccount(userName);
          for (const entitlementKey of run.entitlementKeys) {
            await run.connector.grant(userName, entitlementKey);
            expected.push({ userName, entitlementKey });
          }
        }

        const listed = await collectAll(run.connector.listGrants.bind(run.connector), 2);

        const grantKey = (grant: { userName: string; entitlementKey: string }) => `${grant.userName} ${grant.entitlementKey}`;
        const ours = listed
          .filter((grant) => scope.owns(grant.userName))
          .map(grantKey)
          .sort();
        expect(ours).toEqual(expected.map(grantKey).sort());
        const all = listed.map(grantKey);
        expect(new Set(all).size).toBe(all.length);
      },
      CONTRACT_TEST_TIMEOUT_MS,
    );
  });
}
