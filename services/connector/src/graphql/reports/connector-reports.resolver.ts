import { Injectable } from '@nestjs/common';
import { CallerGuard } from '@tenure/service-runtime';
import { Arg, Query, Resolver } from 'type-graphql';
import { ConnectorRuntime } from '../../application/connector-runtime';
import { toLicensesReclaimedReport, toProvisioningTimesReport } from './connector-reports.mapper';
import { LicensesReclaimedReport, OrphanedAccountsReport, ProvisioningTimesReport } from './connector-reports.type';

const PERIOD = 'The period is [from, to); to defaults to now, from to 30 days before to; at most 366 days.';

/** The connector's compliance reports, for administrators and auditors. */
@Injectable()
@Resolver()
export class ConnectorReportsResolver {
  constructor(
    private readonly runtime: ConnectorRuntime,
    private readonly guard: CallerGuard,
  ) {}

  @Query(() => OrphanedAccountsReport, {
    description: 'Orphaned accounts still in their targets, by application (the list: orphanedAccounts). For administrators and auditors.',
  })
  async orphanedAccountsReport(): Promise<OrphanedAccountsReport> {
    this.guard.requireReader('orphanedAccountsReport');
    const report = await this.runtime.reports.orphanedAccounts();
    return { total: report.total, byApplication: [...report.byApplication] };
  }

  @Query(() => ProvisioningTimesReport, {
    description: `Time-to-provision and time-to-revoke (p50, p95) by application, from the decision to the acknowledgement. ${PERIOD} For administrators and auditors.`,
  })
  async provisioningTimesReport(
    @Arg('from', () => Date, { nullable: true }) from: Date | null,
    @Arg('to', () => Date, { nullable: true }) to: Date | null,
  ): Promise<ProvisioningTimesReport> {
    this.guard.requireReader('provisioningTimesReport');
    const period = this.runtime.reports.period(from, to);
    return toProvisioningTimesReport(period, await this.runtime.reports.provisioningTimes(period));
  }

  @Query(() => LicensesReclaimedReport, {
    description: `Licenses freed by leavers and by access reviews, count and monthly cost. ${PERIOD} For administrators and auditors.`,
  })
  async licensesReclaimedReport(
    @Arg('from', () => Date, { nullable: true }) from: Date | null,
    @Arg('to', () => Date, { nullable: true }) to: Date | null,
  ): Promise<LicensesReclaimedReport> {
    this.guard.requireReader('licensesReclaimedReport');
    const period = this.runtime.reports.period(from, to);
    return toLicensesReclaimedReport(period, await this.runtime.reports.licensesReclaimed(period));
  }
}
