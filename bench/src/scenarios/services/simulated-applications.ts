import type { Actor } from '@tenure/event-sourcing';
import type { ConnectorRuntimeView } from './connector-dist';

const ADMINISTRATOR: Actor = { kind: 'person', id: 'bench-administrator' };

export interface SimulatedApplications {
  readonly applications: number;
  /** Every call to a target takes this long. */
  readonly latencyMs: number;
  /** The entitlements each application offers. */
  readonly entitlementKeys: readonly string[];
}

/** Registers `bench-app-00`, `bench-app-01`... as simulated SaaS applications and returns their ids. */
export async function registerSimulatedApplications(runtime: ConnectorRuntimeView, setup: SimulatedApplications): Promise<string[]> {
  const ids: string[] = [];
  for (let app = 0; app < setup.applications; app++) {
    const id = `bench-app-${String(app).padStart(2, '0')}`;
    await runtime.applications.register(
      {
        applicationId: id,
        name: `Simulated SaaS ${app} (bench)`,
        connectorType: 'simulated',
        settings: {
          application: id,
          entitlements: setup.entitlementKeys.map((key) => ({ key, displayName: key })),
          latencyMs: setup.latencyMs,
        },
        credentials: {},
        ownerEmployeeNumber: '1',
        enabled: true,
      },
      ADMINISTRATOR,
    );
    ids.push(id);
  }
  return ids;
}
