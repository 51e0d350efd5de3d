import { DomainError, type Clock } from '@tenure/event-sourcing';
import type { Pool } from 'pg';
import { UNRESOLVED_ORPHAN_STATUSES } from '../reconciliation/reconciliation-queries';
import {
  licensesReclaimed,
  orphanedAccountCounts,
  provisioningTimes,
  type LicensesReclaimed,
  type ProvisioningTimes,
  type ReportPeriod,
} from '../read-model/reports/reports.queries';

export type { LicensesReclaimed, ProvisioningTimes, ReportPeriod };

/** The period a report covers when the caller gives none: the last 30 days. */
export const DEFAULT_REPORT_DAYS = 30;
/** Longer periods are refused: a report is read on a dashboard, and a year is enough to compare. */
export const MAX_REPORT_DAYS = 366;
const DAY_MS = 86_400_000;

export interface OrphanedAccountsReport {
  readonly total: number;
  readonly byApplication: readonly { readonly applicationId: string; readonly applicationName: string | null; readonly count: number }[];
}

/** The connector's compliance reports: orphaned accounts, provisioning times, licenses reclaimed. */
export class ConnectorReports {
  constructor(private readonly deps: { readonly pool: Pool; readonly clock: Clock }) {}

  /** [from, to): `to` defaults to now, `from` to 30 days before `to`. */
  period(from: Date | null, to: Date | null): ReportPeriod {
    const end = to ?? this.deps.clock.now();
    const start = from ?? new Date(end.getTime() - DEFAULT_REPORT_DAYS * DAY_MS);
    if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) {
      throw new DomainError('validation', 'from and to must be valid times (ISO 8601)', { field: 'from' });
    }
    if (start.getTime() >= end.getTime()) {
      throw new DomainError('validation', `the period is empty: from (${start.toISOString()}) must be before to (${end.toISOString()})`, {
        field: 'from',
      });
    }
    if (end.getTime() - start.getTime() > MAX_REPORT_DAYS * DAY_MS) {
      throw new DomainError('validation', `the period is longer than ${MAX_REPORT_DAYS} days: ask for a shorter one`, { field: 'from' });
    }
    return { from: start, to: end };
  }

  async orphanedAccounts(): Promise<OrphanedAccountsReport> {
    const byApplication = await orphanedAccountCounts(this.deps.pool, UNRESOLVED_ORPHAN_STATUSES);
    return { total: byApplication.reduce((sum, row) => sum + row.count, 0), byApplication };
  }

  provisioningTimes(period: ReportPeriod): Promise<ProvisioningTimes[]> {
    return provisioningTimes(this.deps.pool, period);
  }

  licensesReclaimed(period: ReportPeriod): Promise<LicensesReclaimed[]> {
    return licensesReclaimed(this.deps.pool, period);
  }
}
