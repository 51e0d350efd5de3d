import type { Actor, Clock, EventStore, IdGenerator } from '@tenure/event-sourcing';
import type { PostgresEventStore, Projection } from '@tenure/event-store-postgres';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

/**
 * The connector service's reconciliation, loaded from its build output (`services/connector/dist`)
 * at run time: the bench and the connector service are both apps, and the Nx module-boundary rule
 * forbids one app importing another (see hr-import/identity-dist.ts). The shapes below are the few
 * members the benchmark uses; the connector service's own types stay the source of truth.
 */

/** The simulated SaaS target's in-memory data, as the connector dist's own copy of @tenure/connector-simulated holds it. */
export interface SimulatedTargetView {
  upsertAccount(spec: {
    userName: string;
    givenName: string;
    familyName: string;
    displayName: string;
    email: string;
    identityId: string;
    employeeNumber: string;
  }): unknown;
  grant(userName: string, entitlementKey: string): void;
  readonly accountCount: number;
}

export interface RunOutcomeView {
  readonly status: 'completed' | 'failed';
  readonly runId: string;
  readonly drift: Readonly<Record<string, number>>;
  readonly error?: { readonly kind: string; readonly message: string };
}

export interface ReconciliationServiceView {
  run(applicationId: string, request: { trigger: 'administrator' | 'schedule'; actor: Actor }): Promise<RunOutcomeView | null>;
}

export interface ReconciliationDist {
  /** Tables the comparison reads (desired state) and writes (drift, runs). */
  readonly projections: readonly Projection[];
  readonly scratchTables: readonly string[];
  openSimulatedTarget(application: string, entitlements: readonly { key: string; displayName: string }[]): SimulatedTargetView;
  forgetSimulatedTarget(application: string): void;
  registerSimulatedApplication(
    deps: { store: EventStore; clock: Clock; ids: IdGenerator },
    application: { applicationId: string; settings: Record<string, unknown> },
    actor: Actor,
  ): Promise<void>;
  newReconciliationService(deps: { store: PostgresEventStore; clock: Clock; ids: IdGenerator }): ReconciliationServiceView;
}

const CONNECTOR_DIST = resolve(__dirname, '../../../../services/connector/dist');

export function loadReconciliationDist(): ReconciliationDist {
  const entry = join(CONNECTOR_DIST, 'reconciliation/reconciliation-service.js');
  if (!existsSync(entry)) {
    throw new Error(`${entry} is missing: build the connector service first (npx nx run @tenure/connector-service:build)`);
  }
  const { ReconciliationService } = load<{ ReconciliationService: new (deps: unknown) => ReconciliationServiceView }>(
    'reconciliation/reconciliation-service.js',
  );
  const { ApplicationConnectors } = load<{ ApplicationConnectors: new (deps: unknown) => unknown }>(
    'application/application-connectors.js',
  );
  const { ApplicationAdministration } = load<{
    ApplicationAdministration: new (deps: unknown) => { register(input: unknown, actor: Actor): Promise<void> };
  }>('application/application-administration.js');
  const { CredentialsVault } = load<{ CredentialsVault: new (env: NodeJS.ProcessEnv) => unknown }>(
    'application/credentials/credentials-vault.js',
  );
  const { connectorTypes } = load<{ connectorTypes: unknown }>('connectors/connector-types.js');
  const desiredState = load<{ connectorIdentitiesProjection: Projection; connectorAssignmentsProjection: Projection }>(
    'read-model/desired-state/index.js',
  );
  const { driftProjection } = load<{ driftProjection: Projection }>('read-model/reconciliation/drift.projection.js');
  const { reconciliationRunsProjection } = load<{ reconciliationRunsProjection: Projection }>(
    'read-model/reconciliation/reconciliation-runs.projection.js',
  );
  const { SCRATCH_TABLES } = load<{ SCRATCH_TABLES: readonly string[] }>('reconciliation/scratch-tables.js');
  // The module instance the connector dist itself uses (resolved from its folder): its simulated
  // targets are the ones its connectors read. The bench does not depend on the connector libraries.
  const simulated = createRequire(join(CONNECTOR_DIST, 'main.js'))('@tenure/connector-simulated') as {
    sharedSimulatedTargets: {
      open(application: string, entitlements: readonly unknown[]): SimulatedTargetView;
      forget(application: string): void;
    };
  };
  const vault = new CredentialsVault({});
  return {
    projections: [
      desiredState.connectorIdentitiesProjection,
      desiredState.connectorAssignmentsProjection,
      driftProjection,
      reconciliationRunsProjection,
    ],
    scratchTables: SCRATCH_TABLES,
    openSimulatedTarget: (application, entitlements) =>
      simulated.sharedSimulatedTargets.open(
        application,
        entitlements.map((entitlement) => ({ ...entitlement, description: null, kind: 'group' })),
      ),
    forgetSimulatedTarget: (application) => simulated.sharedSimulatedTargets.forget(application),
    registerSimulatedApplication: (deps, { applicationId, settings }, actor) =>
      new ApplicationAdministration({ ...deps, types: connectorTypes, vault }).register(
        {
          applicationId,
          name: applicationId,
          connectorType: 'simulated',
          settings,
          credentials: {},
          ownerEmployeeNumber: 'bench',
          enabled: true,
        },
        actor,
      ),
    newReconciliationService: ({ store, clock, ids }) =>
      new ReconciliationService({
        store,
        clock,
        ids,
        connectors: new ApplicationConnectors({ store, types: connectorTypes, vault }),
        // The benchmark writes the read models itself, before the run: nothing to wait for.
        readModelsCaughtUp: () => Promise.resolve(),
        // Everything seeded is settled: compare it all.
        options: { settleMinutes: 0 },
      }),
  };
}

function load<T>(relativePath: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a path known only at run time (see above)
  return require(join(CONNECTOR_DIST, relativePath)) as T;
}
