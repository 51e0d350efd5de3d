import { randomIds, systemClock } from '@tenure/event-sourcing';
import { migrate, PostgresEventStore } from '@tenure/event-store-postgres';
import { createLogger } from '@tenure/platform';
import type { ConnectorDist, ConnectorRuntimeView } from './connector-dist';
import { DesiredStateWriter } from './desired-state-events';
import { registerSimulatedApplications, type SimulatedApplications } from './simulated-applications';
import type { WorkflowDist, WorkflowRuntimeView } from './workflow-dist';

export interface WorkflowAndConnectorSetup extends SimulatedApplications {
  /** Operations of one application running at once. */
  readonly concurrency: number;
}

/**
 * The workflow and connector services' runtimes in this process, on one database, each with its own
 * store (its own pool and LISTEN connection, as two service processes would have), and the
 * simulated applications registered. Identity and policy events are appended by the benchmark.
 */
export interface WorkflowAndConnector {
  readonly workflow: WorkflowRuntimeView;
  readonly connector: ConnectorRuntimeView;
  /** The workflow's store: the benchmark's own queries and appends go through its pool. */
  readonly store: PostgresEventStore;
  readonly writer: DesiredStateWriter;
  readonly applicationIds: readonly string[];
  stop(): Promise<void>;
}

export async function startWorkflowAndConnector(
  dists: { connector: ConnectorDist; workflow: WorkflowDist },
  databaseUrl: string,
  setup: WorkflowAndConnectorSetup,
): Promise<WorkflowAndConnector> {
  const connectorStore = new PostgresEventStore({ connectionString: databaseUrl, poolSize: 20 });
  const workflowStore = new PostgresEventStore({ connectionString: databaseUrl, poolSize: 10 });
  const started: { stop(): Promise<void> }[] = [];
  const stop = async () => {
    for (const part of started.reverse()) await part.stop();
    await workflowStore.close();
    await connectorStore.close();
  };
  try {
    await migrate(connectorStore.pool);
    const connector = dists.connector.newRuntime({
      store: connectorStore,
      clock: systemClock,
      ids: randomIds,
      logger: createLogger('bench-connector', 'warn'),
      provisioning: (defaults) => ({ ...defaults, worker: true, concurrency: setup.concurrency, pollMs: 100 }),
    });
    await connector.start();
    started.push(connector);
    const workflow = dists.workflow.newRuntime({
      store: workflowStore,
      clock: systemClock,
      ids: randomIds,
      logger: createLogger('bench-workflow', 'warn'),
    });
    await workflow.start();
    started.push(workflow);
    const applicationIds = await registerSimulatedApplications(connector, setup);
    return { workflow, connector, store: workflowStore, writer: new DesiredStateWriter(workflowStore, randomIds), applicationIds, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
