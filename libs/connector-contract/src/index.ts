export { describeConnectorContract } from './connector-contract';
export { CONTRACT_TEST_TIMEOUT_MS, type ConnectorUnderTest } from './contract-run';
export { contractAccountSpec } from './contract-accounts';
export { expectConnectorError } from './connector-errors';
export { collectAll, iterateAll, iteratePages, type ListFunction } from './paging';
