import { describeConnectorContract } from '@tenure/connector-contract';
import { createTestCluster } from './testing/test-cluster';

describeConnectorContract('PostgreSQL (embedded server)', async () => {
  const cluster = await createTestCluster();
  const connector = cluster.connector();
  return {
    connector,
    entitlementKeys: cluster.groups,
    prefix: `ct${cluster.tag}`,
    withBadCredentials: async () => cluster.connector({}, 'not-the-password'),
    async cleanup() {
      await connector.close();
      await cluster.drop();
    },
  };
});
