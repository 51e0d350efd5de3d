import 'server-only';
import { graphql } from '../graphql';

/** One application's timings one way, as the connector reports them (seconds). */
export interface TimingStats {
  acknowledged: number;
  pending: number;
  p50Seconds: number | null;
  p95Seconds: number | null;
}

export interface MonthlyCost {
  amountPerMonth: number;
  currency: string;
}

export interface LicensesReclaimedTotals {
  count: number;
  monthlyCost: MonthlyCost[];
  withoutCost: number;
}

/** The five compliance reports, each from the context that owns it, in one request through the gateway. */
export interface ComplianceReports {
  orphanedAccountsReport: { total: number; byApplication: { applicationId: string; applicationName: string | null; count: number }[] };
  standingPrivilegedAccessReport: {
    total: number;
    grants: {
      assignmentId: string;
      identityId: string;
      employeeNumber: string | null;
      identity: { displayName: string } | null;
      applicationId: string;
      entitlementKey: string;
      entitlementName: string | null;
      risk: string;
      source: { kind: string; reference: string };
      heldSince: string;
    }[];
  };
  provisioningTimesReport: {
    applications: { applicationId: string; applicationName: string | null; provision: TimingStats | null; revoke: TimingStats | null }[];
  };
  licensesReclaimedReport: {
    byLeavers: LicensesReclaimedTotals;
    byReviews: LicensesReclaimedTotals;
    applications: {
      applicationId: string;
      applicationName: string | null;
      byLeavers: number;
      byReviews: number;
      monthlyCost: MonthlyCost | null;
    }[];
  };
  openSodViolationsReport: { total: number; identities: number; byRule: { ruleId: string; ruleName: string; violations: number }[] };
}

const TIMING = 'acknowledged pending p50Seconds p95Seconds';
const TOTALS = 'count withoutCost monthlyCost { amountPerMonth currency }';

/** For administrators and auditors; the services refuse anyone else. */
export function complianceReports(from: Date, to: Date, listed: number): Promise<ComplianceReports> {
  return graphql<ComplianceReports>(
    `
      query ComplianceReports($from: DateTimeISO!, $to: DateTimeISO!, $listed: Int!) {
        orphanedAccountsReport { total byApplication { applicationId applicationName count } }
        standingPrivilegedAccessReport(first: $listed) {
          total
          grants {
            assignmentId identityId employeeNumber identity { displayName }
            applicationId entitlementKey entitlementName risk source { kind reference } heldSince
          }
        }
        provisioningTimesReport(from: $from, to: $to) {
          applications { applicationId applicationName provision { ${TIMING} } revoke { ${TIMING} } }
        }
        licensesReclaimedReport(from: $from, to: $to) {
          byLeavers { ${TOTALS} }
          byReviews { ${TOTALS} }
          applications { applicationId applicationName byLeavers byReviews monthlyCost { amountPerMonth currency } }
        }
        openSodViolationsReport { total identities byRule { ruleId ruleName violations } }
      }
    `,
    { from: from.toISOString(), to: to.toISOString(), listed },
  );
}
