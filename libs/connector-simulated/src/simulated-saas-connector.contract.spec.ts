import { randomBytes } from 'node:crypto';
import { describeConnectorContract } from '@tenure/connector-contract';
import { createSimulatedSaasConnector } from './create-simulated-saas-connector';
import { SimulatedTargets } from './simulated-targets';

describeConnectorContract('simulated SaaS, faults off', async () => {
  const targets = new SimulatedTargets();
  const connector = createSimulatedSaasConnector(
    {
      application: 'contract-chat',
      entitlements: [
        { key: 'channel-general', displayName: 'General channel' },
        { key: 'channel-finance', displayName: 'Finance channel', description: 'Finance team chat' },
        { key: 'workspace-admin', displayName: 'Workspace administrator', kind: 'role' },
      ],
    },
    { targets },
  );
  return {
    connector,
    entitlementKeys: ['channel-general', 'channel-finance'],
    prefix: `ct${randomBytes(3).toString('hex')}`,
    withBadCredentials: null,
    cleanup: () => connector.close(),
  };
});

describeConnectorContract('simulated SaaS, without delete, disable and enable', async () => {
  const connector = createSimulatedSaasConnector(
    {
      application: 'contract-erp',
      entitlements: [
        { key: 'ledger-read', displayName: 'Read the ledger' },
        { key: 'ledger-post', displayName: 'Post to the ledger' },
      ],
      capabilities: { deleteAccount: false, disableAccount: false, enableAccount: false },
    },
    { targets: new SimulatedTargets() },
  );
  return {
    connector,
    entitlementKeys: ['ledger-read', 'ledger-post'],
    prefix: `ct${randomBytes(3).toString('hex')}`,
    withBadCredentials: null,
    cleanup: () => connector.close(),
  };
});
