import { now } from '../../measure/timing';
import { createBenchAccount, type ConnectorDist } from '../services/connector-dist';
import { entitlementKeysFor, type LeaverPlan } from './leaver-plan';

export interface DirectLeaverTimes {
  /** Every revoke, then every disable, one call after the other. */
  readonly backToBackMs: number[];
  /** Each application's calls in order (its revokes, then the disable), all applications at once. */
  readonly perApplicationMs: number[];
}

/**
 * The same leaver without Tenure: the connector calls a leaver needs (a revoke per assignment, a
 * disable per application), made straight from a loop against simulated applications with the
 * same latency, nothing recorded. Each person gets their accounts and grants first (not timed).
 */
export async function measureDirectLeavers(dist: ConnectorDist, plan: LeaverPlan, leavers: number): Promise<DirectLeaverTimes> {
  const keys = entitlementKeysFor(plan);
  const connectors = Array.from({ length: plan.applications }, (_, app) =>
    dist.simulatedConnector({
      application: `direct-leaver-${app}`,
      entitlements: keys.map((key) => ({ key, displayName: key })),
      latencyMs: plan.latencyMs,
    }),
  );
  const assignments = Array.from({ length: plan.assignmentsPerIdentity }, (_, n) => ({
    app: n % plan.applications,
    key: `role-${Math.floor(n / plan.applications)}`,
  }));
  const backToBackMs: number[] = [];
  const perApplicationMs: number[] = [];
  try {
    for (let n = 0; n < leavers * 2; n++) {
      const userName = `direct-leaver${n}`;
      await Promise.all(connectors.map((connector) => createBenchAccount(connector, userName)));
      for (const { app, key } of assignments) await connectors[app]!.grant(userName, key);
      const started = now();
      if (n % 2 === 0) {
        for (const { app, key } of assignments) await connectors[app]!.revoke(userName, key);
        for (const connector of connectors) await connector.disableAccount(userName);
        backToBackMs.push(now() - started);
      } else {
        await Promise.all(
          connectors.map(async (connector, app) => {
            for (const { key } of assignments.filter((assignment) => assignment.app === app)) await connector.revoke(userName, key);
            await connector.disableAccount(userName);
          }),
        );
        perApplicationMs.push(now() - started);
      }
    }
  } finally {
    await Promise.all(connectors.map((connector) => connector.close()));
  }
  return { backToBackMs, perApplicationMs };
}
