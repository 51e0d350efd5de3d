import { contractAccountSpec } from './contract-accounts';
import { expectConnectorError } from './connector-errors';
import { CONTRACT_TEST_TIMEOUT_MS, type ContractRun } from './contract-run';
import { collectAll } from './paging';

export function describeAccountContract(run: ContractRun): void {
  describe('accounts', () => {
    it(
      'given no account, when creating one, then the target holds it enabled with its user name, email, display name and employee number',
      async () => {
        if (!run.supports('createAccount')) return;
        const userName = run.scope().next();
        expect(await run.connector.getAccount(userName)).toBeNull();

        const spec = contractAccountSpec(userName);
        run.track(userName);
        const created = await run.connector.createAccount(spec);

        const expected = {
          userName,
          enabled: true,
          email: spec.email,
          displayName: spec.displayName,
          employeeNumber: spec.employeeNumber,
        };
        expect(created).toMatchObject(expected);
        expect(created.accountId).toEqual(expect.any(String));
        expect(created.accountId).not.toBe('');
        expect(await run.connector.getAccount(userName)).toMatchObject({ ...expected, accountId: created.accountId });
      },
      CONTRACT_TEST_TIMEOUT_MS,
    );

    it(
      'given an account, when creating it again with a changed email and display name, then there is still one account and it reflects the new spec',
      async () => {
        if (!run.supports('createAccount')) return;
        const scope = run.scope();
        const userName = scope.next();
        const first = await run.createAccount(userName);

        const second = contractAccountSpec(userName, {
          email: `${userName}.changed@contract.example.test`,
          displayName: `Changed ${userName}`,
        });
        const recreated = await run.connector.createAccount(second);

        const expected = {
          userName,
          enabled: true,
          email: second.email,
          displayName: second.displayName,
          employeeNumber: second.employeeNumber,
        };
        expect(recreated).toMatchObject({ ...expected, accountId: first.accountId });
        expect(await run.connector.getAccount(userName)).toMatchObject(expected);
        if (run.supports('list')) {
          const listed = await collectAll(run.connector.listAccounts.bind(run.connector), 50);
          expect(listed.filter((account) => scope.owns(account.userName)).map((account) => account.userName)).toEqual([userName]);
        }
      },
      CONTRACT_TEST_TIMEOUT_MS,
    );

    it(
      'given an account, when updating its email, display name and employee number, then the target holds the new values',
      async () => {
        if (!run.supports('createAccount', 'updateAccount')) return;
        const userName = run.scope().next();
        await run.createAccount(userName);

        const changes = {
          email: `${userName}.updated@contract.example.test`,
          displayName: `Updated ${userName}`,
          employeeNumber: 'E-UPDATED-1',
        };
        const updated = await run.connector.updateAccount(userName, changes);

        expect(updated).toMatchObject({ userName, enabled: true, ...changes });
        expect(await run.connector.getAccount(userName)).toMatchObject({ userName, enabled: true, ...changes });
      },
      CONTRACT_TEST_TIMEOUT_MS,
    );

    it(
      'given an account, when updating only its email, then its other attributes stay',
      async () => {
        if (!run.supports('createAccount', 'updateAccount')) return;
        const userName = run.scope().next();
        const created = await run.createAccount(userName);

        const email = `${userName}.only@contract.example.test`;
        await run.connector.updateAccount(userName, { email });

        expect(await run.connector.getAccount(userName)).toMatchObject({
          userName,
          email,
          displayName: created.displayName,
          employeeNumber: created.employeeNumber,
        });
      },
      CONTRACT_TEST_TIMEOUT_MS,
    );

    it(
      'given no account, when updating or disabling it, then the operation fails as not-found and nothing is created',
      async () => {
        if (!run.supports('updateAccount', 'disableAccount')) return;
        const userName = run.scope().next();
        run.track(userName);

        const update = await expectConnectorError(
          run.connector.updateAccount(userName, { email: `${userName}@contract.example.test` }),
          'not-found',
        );
        const disable = await expectConnectorError(run.connector.disableAccount(userName), 'not-found');

        expect([update.retryable, disable.retryable]).toEqual([false, false]);
        expect(await run.connector.getAccount(userName)).toBeNull();
      },
      CONTRACT_TEST_TIMEOUT_MS,
    );

    it(
      'given an enabled account, when disabling it twice, then both calls succeed and it is disabled with its grants kept',
      async () => {
        if (!run.supports('createAccount', 'disableAccount')) return;
        const userName = run.scope().next();
        await run.createAccount(userName);
        const [entitlementKey] = run.entitlementKeys;
        const checkGrants = run.supports('grant', 'list');
        if (checkGrants) await run.connector.grant(userName, entitlementKey);

        await run.connector.disableAccount(userName);
        await run.connector.disableAccount(userName);

        expect(await run.connector.getAccount(userName)).toMatchObject({ userName, enabled: false });
        if (checkGrants) expect(await run.grantsOf(userName)).toEqual([{ userName, entitlementKey }]);
      },
      CONTRACT_TEST_TIMEOUT_MS,
    );

    it(
      'given a disabled account, when enabling it twice, then both calls succeed and it is enabled',
      async () => {
        if (!run.supports('createAccount', 'disableAccount', 'enableAccount')) return;
        const userName = run.scope().next();
        await run.createAccount(userName);
        await run.connector.disableAccount(userName);

        await run.connector.enableAccount(userName);
        await run.connector.enableAccount(userName);

        expect(await run.connector.getAccount(userName)).toMatchObject({ userName, enabled: true });
      },
      CONTRACT_TEST_TIMEOUT_MS,
    );

    it(
      'given an account, when deleting it twice, then both calls succeed and it is gone',
      async () => {
        if (!run.supports('createAccount', 'deleteAccount')) return;
        const userName = run.scope().next();
        await run.createAccount(userName);

        await run.connector.deleteAccount(userName);
        await run.connector.deleteAccount(userName);

        expect(await run.connector.getAccount(userName)).toBeNull();
      },
      CONTRACT_TEST_TIMEOUT_MS,
    );
  });
}
