import type { Queryable } from '../queryable';
import type { ProvisioningDirection, ReclaimedBy } from './reports.tables';

/** A half-open period [from, to). */
export interface ReportPeriod {
  readonly from: Date;
  readonly to: Date;
}

/** How long one application took, one way, for the decisions made in the period. */
export interface ProvisioningTimes {
  readonly applicationId: string;
  readonly applicationName: string | null;
  readonly direction: ProvisioningDirection;
  /** Decisions in the period the application acknowledged. */
  readonly acknowledged: number;
  /** Decisions in the period it has not acknowledged yet (queued, retrying, dead, a task open): not in the percentiles. */
  readonly pending: number;
  /** Null when nothing was acknowledged. */
  readonly p50Seconds: number | null;
  readonly p95Seconds: number | null;
}

/**
 * Time-to-provision and time-to-revoke by application: from the decision to the acknowledgement,
 * for the decisions made in the period; percentiles interpolated (percentile_cont) by PostgreSQL.
 */
export async function provisioningTimes(db: Queryable, period: ReportPeriod): Promise<ProvisioningTimes[]> {
  const { rows } = await db.query<{
    application_id: string;
    application_name: string | null;
    direction: ProvisioningDirection;
    acknowledged: number;
    pending: number;
    p50: number | null;
    p95: number | null;
  }>(
    `SELECT t.application_id, a.name AS application_name, t.direction,
            count(t.acknowledged_at)::int AS acknowledged,
            (count(*) - count(t.acknowledged_at))::int AS pending,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.acknowledged_at - t.decided_at))
              FILTER (WHERE t.acknowledged_at IS NOT NULL) AS p50,
            percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM t.acknowledged_at - t.decided_at))
              FILTER (WHERE t.acknowledged_at IS NOT NULL) AS p95
       FROM connector_provisioning_timings t
       LEFT JOIN connector_applications a ON a.application_id = t.application_id
      WHERE t.decided_at >= $1 AND t.decided_at < $2
      GROUP BY t.application_id, a.name, t.direction
      ORDER BY t.application_id, t.direction`,
    [period.from, period.to],
  );
  return rows.map((row) => ({
    applicationId: row.application_id,
    applicationName: row.application_name,
    direction: row.direction,
    acknowledged: row.acknowledged,
    pending: row.pending,
    p50Seconds: row.p50 === null ? null : Number(row.p50),
    p95Seconds: row.p95 === null ? null : Number(row.p95),
  }));
}

/** Licenses one application got back in the period, by who freed them, with what they cost per month. */
export interface LicensesReclaimed {
  readonly applicationId: string;
  readonly applicationName: string | null;
  readonly reclaimedBy: ReclaimedBy;
  readonly count: number;
  /** count × the application's license cost now; null when the application has no cost set. */
  readonly monthlyCost: number | null;
  readonly currency: string | null;
}

export async function licensesReclaimed(db: Queryable, period: ReportPeriod): Promise<LicensesReclaimed[]> {
  const { rows } = await db.query<{
    application_id: string;
    application_name: string | null;
    reclaimed_by: ReclaimedBy;
    count: number;
    monthly_cost: string | null;
    currency: string | null;
  }>(
    `SELECT r.application_id, a.name AS application_name, r.reclaimed_by, count(*)::int AS count,
            (count(*) * a.license_cost_per_month)::text AS monthly_cost, a.license_cost_currency AS currency
       FROM connector_licenses_reclaimed r
       LEFT JOIN connector_applications a ON a.application_id = r.application_id
      WHERE r.reclaimed_at >= $1 AND r.reclaimed_at < $2
      GROUP BY r.application_id, a.name, r.reclaimed_by, a.license_cost_per_month, a.license_cost_currency
      ORDER BY r.application_id, r.reclaimed_by`,
    [period.from, period.to],
  );
  return rows.map((row) => ({
    applicationId: row.application_id,
    applicationName: row.application_name,
    reclaimedBy: row.reclaimed_by,
    count: row.count,
    monthlyCost: row.monthly_cost === null || row.currency === null ? null : Number(row.monthly_cost),
    currency: row.monthly_cost === null ? null : row.currency,
  }));
}

/** Orphaned-account drift in these statuses (the unresolved ones: still in their targets), by application. */
export async function orphanedAccountCounts(
  db: Queryable,
  statuses: readonly string[],
): Promise<{ applicationId: string; applicationName: string | null; count: number }[]> {
  const { rows } = await db.query<{ application_id: string; application_name: string | null; count: number }>(
    `SELECT d.application_id, a.name AS application_name, count(*)::int AS count
       FROM connector_drift d LEFT JOIN connector_applications a ON a.application_id = d.application_id
      WHERE d.kind = 'orphaned-account' AND d.status = ANY ($1::text[])
      GROUP BY d.application_id, a.name ORDER BY d.application_id`,
    [statuses],
  );
  return rows.map((row) => ({ applicationId: row.application_id, applicationName: row.application_name, count: row.count }));
}
