import { describeAccountContract } from './account-contract';
import { describeConnectionContract } from './connection-contract';
import { ContractRun, type ConnectorUnderTest } from './contract-run';
import { describeGrantContract } from './grant-contract';
import { describeListingContract } from './listing-contract';

/**
 * Registers the Jest tests every connector must pass against its real target: idempotent
 * operations, typed errors, paged listings and honoured capabilities (see docs/connector-sdk.md).
 * Call it at the top level of a connector's integration test; `setup` runs once before the tests
 * and `cleanup()` once after them. Each test deletes the accounts it created.
 */
export function describeConnectorContract(name: string, setup: () => Promise<ConnectorUnderTest>): void {
  describe(`Connector contract: ${name}`, () => {
    const run = new ContractRun();

    beforeAll(() => run.start(setup), 120_000);
    afterEach(() => run.deleteCreatedAccounts(), 60_000);
    afterAll(() => run.finish(), 120_000);

    describeConnectionContract(run);
    describeAccountContract(run);
    describeGrantContract(run);
    describeListingContract(run);
  });
}
