import { now } from '../../measure/timing';
import { createBenchAccount, type ConnectorDist } from '../services/connector-dist';
import type { ProvisioningPlan } from './provisioning-plan';

/**
 * The same work without Tenure: the connector calls a grant needs (look the account up, create it,
 * grant), straight from a loop, with the same concurrency per application and the same simulated
 * latency, and nothing recorded. Run in the same process and run as the engine: the ceiling the
 * engine is compared against.
 */
export async function measureDirectCalls(
  dist: ConnectorDist,
  plan: ProvisioningPlan,
  identities: number,
): Promise<{ operations: number; elapsedMs: number }> {
  const started = now();
  await Promise.all(
    Array.from({ length: plan.applications }, async (_, app) => {
      const connector = dist.simulatedConnector({
        application: `direct-baseline-${app}`,
        entitlements: [{ key: 'member', displayName: 'Member' }],
        latencyMs: plan.latencyMs,
      });
      let next = 0;
      await Promise.all(
        Array.from({ length: plan.concurrency }, async () => {
          while (next < identities) {
            const userName = `direct${next++}`;
            if ((await connector.getAccount(userName)) === null) {
              await createBenchAccount(connector, userName);
            }
            await connector.grant(userName, 'member');
          }
        }),
      );
      await connector.close();
    }),
  );
  return { operations: plan.applications * identities, elapsedMs: now() - started };
}
