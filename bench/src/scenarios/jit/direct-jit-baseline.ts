import { now } from '../../measure/timing';
import { createBenchAccount, type ConnectorDist } from '../services/connector-dist';
import type { JitPlan } from './jit-plan';

export interface DirectJitTimes {
  /** What a first grant to a person takes at the target: look the account up, create it, grant. */
  readonly grantMs: number[];
  /** One revoke. */
  readonly revokeMs: number[];
}

/** The target calls one request needs, made straight from a loop against a simulated application with the same latency, nothing recorded. */
export async function measureDirectJit(dist: ConnectorDist, plan: JitPlan, samples: number): Promise<DirectJitTimes> {
  const connector = dist.simulatedConnector({
    application: 'direct-jit',
    entitlements: [{ key: 'member', displayName: 'Member' }],
    latencyMs: plan.latencyMs,
  });
  const grantMs: number[] = [];
  const revokeMs: number[] = [];
  try {
    for (let n = 0; n < samples; n++) {
      const userName = `direct-jit${n}`;
      let started = now();
      if ((await connector.getAccount(userName)) === null) {
        await createBenchAccount(connector, userName);
      }
      await connector.grant(userName, 'member');
      grantMs.push(now() - started);
      started = now();
      await connector.revoke(userName, 'member');
      revokeMs.push(now() - started);
    }
  } finally {
    await connector.close();
  }
  return { grantMs, revokeMs };
}
