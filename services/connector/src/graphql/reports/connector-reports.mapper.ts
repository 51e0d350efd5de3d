import type { LicensesReclaimed, ProvisioningTimes, ReportPeriod } from '../../application/compliance-reports';
import type { ReclaimedBy } from '../../read-model/reports/reports.tables';
import type {
  ApplicationLicensesReclaimed,
  ApplicationProvisioningTimes,
  LicensesReclaimedReport,
  LicensesReclaimedTotals,
  MonthlyCost,
  ProvisioningTimesReport,
  ProvisioningTimeStats,
} from './connector-reports.type';

export function toProvisioningTimesReport(period: ReportPeriod, rows: readonly ProvisioningTimes[]): ProvisioningTimesReport {
  const byApplication = new Map<string, ApplicationProvisioningTimes>();
  for (const row of rows) {
    const entry = byApplication.get(row.applicationId) ?? {
      applicationId: row.applicationId,
      applicationName: row.applicationName,
      provision: null,
      revoke: null,
    };
    const stats: ProvisioningTimeStats = {
      acknowledged: row.acknowledged,
      pending: row.pending,
      p50Seconds: row.p50Seconds,
      p95Seconds: row.p95Seconds,
    };
    byApplication.set(row.applicationId, { ...entry, [row.direction]: stats });
  }
  return { from: period.from, to: period.to, applications: [...byApplication.values()] };
}

export function toLicensesReclaimedReport(period: ReportPeriod, rows: readonly LicensesReclaimed[]): LicensesReclaimedReport {
  const applications = new Map<string, ApplicationLicensesReclaimed>();
  for (const row of rows) {
    const entry = applications.get(row.applicationId) ?? {
      applicationId: row.applicationId,
      applicationName: row.applicationName,
      byLeavers: 0,
      byReviews: 0,
      monthlyCost: null,
    };
    const cost =
      row.monthlyCost === null || row.currency === null ? entry.monthlyCost : addCost(entry.monthlyCost, row.monthlyCost, row.currency);
    applications.set(row.applicationId, {
      ...entry,
      byLeavers: entry.byLeavers + (row.reclaimedBy === 'leaver' ? row.count : 0),
      byReviews: entry.byReviews + (row.reclaimedBy === 'review' ? row.count : 0),
      monthlyCost: cost,
    });
  }
  return {
    from: period.from,
    to: period.to,
    byLeavers: totals(rows, 'leaver'),
    byReviews: totals(rows, 'review'),
    applications: [...applications.values()],
  };
}

function totals(rows: readonly LicensesReclaimed[], reclaimedBy: ReclaimedBy): LicensesReclaimedTotals {
  const costs = new Map<string, number>();
  let count = 0;
  let withoutCost = 0;
  for (const row of rows.filter((candidate) => candidate.reclaimedBy === reclaimedBy)) {
    count += row.count;
    if (row.monthlyCost === null || row.currency === null) withoutCost += row.count;
    else costs.set(row.currency, (costs.get(row.currency) ?? 0) + row.monthlyCost);
  }
  const monthlyCost = [...costs.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amount]) => ({ currency, amountPerMonth: roundCents(amount) }));
  return { count, monthlyCost, withoutCost };
}

function addCost(current: MonthlyCost | null, amount: number, currency: string): MonthlyCost {
  return { currency, amountPerMonth: roundCents((current?.amountPerMonth ?? 0) + amount) };
}

function roundCents(amount: number): number {
  return Math.round(amount * 100) / 100;
}
