import type { Clock, IdGenerator } from '@tenure/event-sourcing';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

/**
 * The workflow service loaded from its build output (`services/workflow/dist`) at run time, for the
 * same reason as the connector's (connector-dist.ts): one app may not import another. The shapes
 * below are the members the benchmarks call; the workflow service's own types stay the source of
 * truth. `npm run bench` builds the workflow service first (an implicit Nx dependency of the bench).
 */

/** Who asks, as the workflow's business layer takes it (`Caller` of @tenure/service-runtime). */
export type CallerView = { readonly kind: 'person'; readonly employeeNumber: string; readonly actor: { kind: 'person'; id: string } };

/** A new just-in-time request (`NewAccessRequest` of `application/requests/access-requests.ts`). */
export interface NewAccessRequestView {
  readonly applicationId: string;
  readonly entitlementKey: string;
  readonly justification: string;
  readonly durationHours: number;
}

/** The just-in-time requests service (`application/requests/access-requests.ts`). */
export interface AccessRequestsView {
  request(caller: CallerView, input: NewAccessRequestView): Promise<{ readonly requestId: string }>;
}

export interface WorkflowRuntimeView {
  /** Just-in-time access requests: `requests.requests` takes the commands. */
  readonly requests: { readonly requests: AccessRequestsView };
  start(): Promise<void>;
  readModelsCaughtUp(timeoutMs?: number): Promise<void>;
  /** The birthright process has answered everything committed so far and the assignments read model shows it. */
  assignmentsCaughtUp(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export interface WorkflowDist {
  newRuntime(deps: { store: PostgresEventStore; clock: Clock; ids: IdGenerator; logger: Logger }): WorkflowRuntimeView;
  /** A person calling by employee number, built by the same `personCaller` the service's resolvers use. */
  personCaller(employeeNumber: string): CallerView;
}

const WORKFLOW_DIST = resolve(__dirname, '../../../../services/workflow/dist');

function load<T>(file: string): T {
  const entry = join(WORKFLOW_DIST, file);
  if (!existsSync(entry))
    throw new Error(`${entry} is missing: build the workflow service first (npx nx run @tenure/workflow-service:build)`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- an app's build output, loaded at run time (see above)
  return require(entry) as T;
}

export function loadWorkflowDist(): WorkflowDist {
  const { WorkflowRuntime } = load<{ WorkflowRuntime: new (deps: Record<string, unknown>) => WorkflowRuntimeView }>(
    'application/workflow-runtime.js',
  );
  // The module instance the workflow dist itself uses (resolved from its folder); the bench does not depend on it.
  const serviceRuntime = createRequire(join(WORKFLOW_DIST, 'main.js'))('@tenure/service-runtime') as {
    personCaller(employeeNumber: string): CallerView;
  };
  // The event store schema is migrated by the benchmark before the runtime starts.
  const appliedSchema = { isApplied: true, whenApplied: () => Promise.resolve() };
  return {
    newRuntime: ({ store, clock, ids, logger }) => new WorkflowRuntime({ store, schema: appliedSchema, clock, ids, logger }),
    personCaller: (employeeNumber) => serviceRuntime.personCaller(employeeNumber),
  };
}
