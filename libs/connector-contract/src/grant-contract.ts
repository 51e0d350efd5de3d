import { expectConnectorError } from './connector-errors';
import { CONTRACT_TEST_TIMEOUT_MS, type ContractRun } from './contract-run';

export function describeGrantContract(run: ContractRun): void {
  describe('grants', () => {
    it(
      'given an account, when granting the same entitlement twice, then both calls succeed and the target lists exactly one grant',
      async () => {
        if (!run.supports('createAccount', 'grant', 'list')) return;
        const userName = run.scope().next();
        await run.createAccount(userName);
        const [entitlementKey] = run.entitlementKeys;

        await run.connector.grant(userName, entitlementKey);
        await run.connector.grant(userName, entitlementKey);

        expect(await run.grantsOf(userName)).toEqual([{ userName, entitlementKey }]);
      },
      CONTRACT_TEST_TIMEOUT_MS,
    );

    it(
      'given an account holding two entitlements, when revoking one twice and then the other, then every call succeeds and only the revoked ones are gone',
      async () => {
        if (!run.supports('createAccount', 'grant', 'revoke', 'list')) return;
        const userName = run.scope().next();
        await run.createAccount(userName);
        const [first, second] = run.entitlementKeys;
        await run.connector.grant(userName, first);
        await run.connector.grant(userName, second);

        await run.connector.revoke(userName, first);
        await run.connector.revoke(userName, first);
        expect(await run.grantsOf(userName)).toEqual([{ userName, entitlementKey: second }]);

        await run.connector.revoke(userName, second);
        expect(await run.grantsOf(userName)).toEqual([]);
      },
      CONTRACT_TEST_TIMEOUT_MS,
    );

    it(
      'given no account or no such entitlement, when revoking, then it succeeds because nothing is held',
      async () => {
        if (!run.supports('createAccount', 'revoke')) return;
        const scope = run.scope();
        const missing = scope.next();
        run.track(missing);
        await run.connector.revoke(missing, run.entitlementKeys[0]);
        expect(await run.connector.getAccount(missing)).toBeNull();

        const existing = scope.next();
        await run.createAccount(existing);
        await run.connector.revoke(existing, `${scope.prefix}nosuchentitlement`);
      },
      CONTRACT_TEST_TIMEOUT_MS,
    );

    it(
      'given an unknown entitlement, when granting it, then it fails with a non-retryable not-found or invalid error',
      async () => {
        if (!run.supports('createAccount', 'grant')) return;
        const scope = run.scope();
        const userName = scope.next();
        await run.createAccount(userName);

        const error = await expectConnectorError(run.connector.grant(userName, `${scope.prefix}nosuchentitlement`), [
          'not-found',
          'invalid',
        ]);

        expect(error.retryable).toBe(false);
      },
      CONTRACT_TEST_TIMEOUT_MS,
    );

    it(
      'given no account, when granting an entitlement, then it fails with a non-retryable not-found or invalid error and creates nothing',
      async () => {
        if (!run.supports('grant')) return;
        const userName = run.scope().next();
        run.track(userName);

        const error = await expectConnectorError(run.connector.grant(userName, run.entitlementKeys[0]), ['not-found', 'invalid']);

        expect(error.retryable).toBe(false);
        expect(await run.connector.getAccount(userName)).toBeNull();
      },
      CONTRACT_TEST_TIMEOUT_MS,
    );
  });
}
