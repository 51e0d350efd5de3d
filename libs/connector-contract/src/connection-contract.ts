import type { ConnectorCapabilities } from '@tenure/connector-sdk';
import { expectConnectorError } from './connector-errors';
import { CONTRACT_TEST_TIMEOUT_MS, type ContractRun } from './contract-run';

const CAPABILITIES: readonly (keyof ConnectorCapabilities)[] = [
  'createAccount',
  'updateAccount',
  'disableAccount',
  'enableAccount',
  'deleteAccount',
  'grant',
  'revoke',
  'list',
];

export function describeConnectionContract(run: ContractRun): void {
  describe('connection', () => {
    it(
      'given the configured credentials, when testing the connection, then it succeeds',
      async () => {
        await expect(run.connector.testConnection()).resolves.toBeUndefined();
      },
      CONTRACT_TEST_TIMEOUT_MS,
    );

    it(
      'given wrong credentials, when testing the connection, then it fails with a non-retryable auth error',
      async () => {
        const build = run.subject.withBadCredentials;
        if (!build) return; // the target has no credentials to get wrong
        const connector = await build();
        try {
          const error = await expectConnectorError(connector.testConnection(), 'auth');
          expect(error.retryable).toBe(false);
        } finally {
          await connector.close();
        }
      },
      CONTRACT_TEST_TIMEOUT_MS,
    );
  });

  describe('capabilities', () => {
    it(
      'given the declared capabilities, when an operation outside them is called, then it fails as unsupported',
      async () => {
        const { connector } = run;
        expect(connector.type).toEqual(expect.any(String));
        for (const capability of CAPABILITIES) expect(typeof connector.capabilities[capability]).toBe('boolean');

        const userName = run.scope().next();
        const [entitlementKey] = run.entitlementKeys;
        const calls: Record<keyof ConnectorCapabilities, () => Promise<unknown>> = {
          createAccount: () => run.createAccount(userName),
          updateAccount: () => connector.updateAccount(userName, { email: `${userName}@contract.example.test` }),
          disableAccount: () => connector.disableAccount(userName),
          enableAccount: () => connector.enableAccount(userName),
          deleteAccount: () => connector.deleteAccount(userName),
          grant: () => connector.grant(userName, entitlementKey),
          revoke: () => connector.revoke(userName, entitlementKey),
          list: () => connector.listAccounts(null, 2),
        };
        for (const capability of CAPABILITIES.filter((c) => !connector.capabilities[c])) {
          const error = await expectConnectorError(calls[capability](), 'unsupported');
          expect(error.retryable).toBe(false);
        }
      },
      CONTRACT_TEST_TIMEOUT_MS,
    );
  });
}
