import { randomBytes } from 'node:crypto';
import { describeConnectorContract } from '@tenure/connector-contract';
import { createScimConnector } from '../src';
import { startScimmyServer } from '../src/testing';

describeConnectorContract('SCIM 2.0 against SCIMMY 1.3.5 (scimmy-routers 1.3.2)', async () => {
  const scim = await startScimmyServer();
  const settings = { baseUrl: scim.baseUrl, auth: { type: 'bearer', tokenSecret: 'scim-token' } };
  const connector = createScimConnector(settings, { 'scim-token': scim.token });
  const entitlementKeys = [await scim.createGroup('Contract Readers'), await scim.createGroup('Contract Writers')] as const;
  return {
    connector,
    entitlementKeys,
    prefix: `ct${randomBytes(3).toString('hex')}`,
    withBadCredentials: async () => createScimConnector(settings, { 'scim-token': 'not-the-token' }),
    async cleanup() {
      await connector.close();
      await scim.close();
    },
  };
});
