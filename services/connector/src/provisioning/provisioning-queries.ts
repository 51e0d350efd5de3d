import type { Clock } from '@tenure/event-sourcing';
import type { Pool } from 'pg';
import { accountsOf, grantsOf } from '../read-model/accounts/accounts.queries';
import type { AccountRow, GrantRow } from '../read-model/accounts/accounts.table';
import {
  applicationActivity,
  findOperation,
  searchManualTasks,
  searchOperations,
  type ApplicationActivity,
  type ManualTaskSearch,
  type OperationPage,
  type OperationSearch,
} from '../read-model/operations/operations.queries';
import type { OperationRow } from '../read-model/operations/operations.table';
import type { CircuitBreakers, CircuitView } from './circuit-breaker';

/** How provisioning to one application goes: its circuit (this process's) and what the queue says. */
export interface ApplicationHealth extends ApplicationActivity {
  readonly applicationId: string;
  readonly circuit: CircuitView;
}

/** What the subgraph reads about provisioning. Overdue tasks are judged with the injected clock. */
export class ProvisioningQueries {
  constructor(private readonly deps: { readonly pool: Pool; readonly clock: Clock; readonly circuits: CircuitBreakers }) {}

  /** For authorization checks that read the connector's copy of the directory. */
  get pool(): Pool {
    return this.deps.pool;
  }

  now(): Date {
    return this.deps.clock.now();
  }

  operation(operationId: string): Promise<OperationRow | null> {
    return findOperation(this.deps.pool, operationId);
  }

  operations(search: OperationSearch): Promise<OperationPage> {
    return searchOperations(this.deps.pool, search);
  }

  deadLetters(search: Omit<OperationSearch, 'statuses'>): Promise<OperationPage> {
    return searchOperations(this.deps.pool, { ...search, statuses: ['dead'] });
  }

  manualTasks(search: Omit<ManualTaskSearch, 'now'>): Promise<OperationPage> {
    return searchManualTasks(this.deps.pool, { ...search, now: this.deps.clock.now() });
  }

  async health(applicationId: string): Promise<ApplicationHealth> {
    const activity = await applicationActivity(this.deps.pool, applicationId);
    return { applicationId, circuit: this.deps.circuits.view(applicationId), ...activity };
  }

  accounts(identityId: string): Promise<AccountRow[]> {
    return accountsOf(this.deps.pool, identityId);
  }

  grants(identityId: string, applicationId?: string): Promise<GrantRow[]> {
    return grantsOf(this.deps.pool, identityId, applicationId);
  }
}
