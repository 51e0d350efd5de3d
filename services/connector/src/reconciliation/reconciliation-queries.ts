import type { Pool } from 'pg';
import type { DriftKind } from '../domain/reconciliation';
import {
  findDrift,
  findRun,
  lastRun,
  listRuns,
  openDriftCount,
  searchDrift,
  type DriftSearch,
  type DriftView,
  type Paged,
  type ReconciliationRunView,
} from '../read-model/reconciliation/reconciliation.queries';

/** Drift that still needs someone: found, and neither fixed nor decided. */
export const UNRESOLVED_ORPHAN_STATUSES = ['open', 'remediating'] as const;

/** What the subgraph reads of reconciliation, optionally after the read models caught up with a change just made. */
export class ReconciliationQueries {
  constructor(private readonly deps: { readonly pool: Pool; readonly readModelsCaughtUp: () => Promise<void> }) {}

  caughtUp(): Promise<void> {
    return this.deps.readModelsCaughtUp();
  }

  runs(query: { applicationId?: string | undefined; first: number; after?: string | undefined }): Promise<Paged<ReconciliationRunView>> {
    return listRuns(this.deps.pool, query);
  }

  run(runId: string): Promise<ReconciliationRunView | null> {
    return findRun(this.deps.pool, runId);
  }

  lastRun(applicationId: string): Promise<ReconciliationRunView | null> {
    return lastRun(this.deps.pool, applicationId);
  }

  drift(search: DriftSearch): Promise<Paged<DriftView>> {
    return searchDrift(this.deps.pool, search);
  }

  driftById(driftId: string): Promise<DriftView | null> {
    return findDrift(this.deps.pool, driftId);
  }

  openDriftCount(applicationId: string): Promise<number> {
    return openDriftCount(this.deps.pool, applicationId);
  }

  /** Orphaned accounts still in their targets that nobody fixed or dismissed yet. */
  orphanedAccounts(query: { applicationId?: string | undefined; first: number; after?: string | undefined }): Promise<Paged<DriftView>> {
    const kind: DriftKind = 'orphaned-account';
    return searchDrift(this.deps.pool, { ...query, kind, statuses: UNRESOLVED_ORPHAN_STATUSES });
  }
}
