import { randomBytes } from 'node:crypto';
import { sharedSimulatedTargets, type SimulatedSaasTarget } from '@tenure/connector-simulated';
import { randomIds, type Clock, type RecordedEvent } from '@tenure/event-sourcing';
import { ApplicationConnectors } from '../../application/application-connectors';
import { CredentialsVault } from '../../application/credentials/credentials-vault';
import { connectorTypes } from '../../connectors/connector-types';
import { newCredentialsKey, startConnectorHarness, type ConnectorHarness } from '../../testing/connector-harness';
import { SCRATCH_TABLES } from '../scratch-tables';
import { ReconciliationService, type ReconciliationOptions } from '../reconciliation-service';

/** Fast and exhaustive: small pages and batches, no settle window (the test clock is not the database's), no waiting between retries. */
export const TEST_RECONCILIATION_OPTIONS: Partial<ReconciliationOptions> = {
  pageSize: 3,
  driftBatchSize: 2,
  settleMinutes: 0,
  attemptsPerPage: 2,
  sleep: async () => undefined,
};

export interface ReconciliationKit {
  readonly harness: ConnectorHarness;
  readonly env: NodeJS.ProcessEnv;
  readonly reconciliation: ReconciliationService;
}

/** The connector harness (its read models, and its provisioning worker, running) and a reconciliation with test options on it. */
export async function startReconciliationKit(clock: Clock, options: Partial<ReconciliationOptions> = {}): Promise<ReconciliationKit> {
  const env = { CONNECTOR_CREDENTIALS_KEY: newCredentialsKey() };
  const harness = await startConnectorHarness(clock, env);
  const { store } = harness;
  const connectors = new ApplicationConnectors({ store, types: connectorTypes, vault: new CredentialsVault(env) });
  const reconciliation = new ReconciliationService({
    store,
    clock,
    ids: randomIds,
    connectors,
    readModelsCaughtUp: () => harness.runtime.readModelsCaughtUp(),
    options: { ...TEST_RECONCILIATION_OPTIONS, ...options },
  });
  return { harness, env, reconciliation };
}

/** A fresh simulated SaaS target (unique name: the simulated targets live as long as the process). */
export function simulatedTarget(entitlementKeys: readonly string[]): { name: string; target: SimulatedSaasTarget; settings: object } {
  const name = `recon-${randomBytes(4).toString('hex')}`;
  const entitlements = entitlementKeys.map((key) => ({ key, displayName: key, description: null, kind: 'group' }));
  const target = sharedSimulatedTargets.open(name, entitlements);
  return { name, target, settings: { application: name, entitlements } };
}

/** An account as the target holds it, with the attributes Tenure would give employee `employeeNumber` (see published-identity-events). */
export function accountOf(employeeNumber: string, overrides: { userName?: string; displayName?: string; email?: string } = {}) {
  return {
    userName: overrides.userName ?? `p${employeeNumber}`,
    givenName: `Given${employeeNumber}`,
    familyName: 'Person',
    displayName: overrides.displayName ?? `Given${employeeNumber} Person`,
    email: overrides.email ?? `p${employeeNumber}@example.com`,
    identityId: `identity-id-${employeeNumber}`,
    employeeNumber,
  };
}

/** An account made by hand in the target: no Tenure attributes. */
export function handMadeAccount(userName: string) {
  return { userName, givenName: '', familyName: '', displayName: userName, email: '', identityId: '', employeeNumber: '' };
}

export async function scratchRowCount(harness: ConnectorHarness): Promise<number> {
  let rows = 0;
  for (const table of SCRATCH_TABLES) {
    const { rows: counted } = await harness.database.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    rows += counted[0]!.n;
  }
  return rows;
}

/** Every event of streams starting with `prefix`, in log order. */
export async function eventsOf(harness: ConnectorHarness, prefix: string): Promise<RecordedEvent[]> {
  return harness.store.readAll({ filter: { streamPrefixes: [prefix] } });
}
