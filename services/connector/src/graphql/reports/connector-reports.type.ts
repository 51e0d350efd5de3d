import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description: 'Orphaned accounts of one application: accounts in its target that match no identity, not yet fixed or dismissed.',
})
export class ApplicationOrphanedAccounts {
  @Field(() => ID)
  applicationId!: string;

  @Field(() => String, { nullable: true, description: 'Null when the application is no longer registered.' })
  applicationName!: string | null;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'Orphaned accounts found by reconciliation and still in their targets (open or being remediated).' })
export class OrphanedAccountsReport {
  @Field(() => Int)
  total!: number;

  @Field(() => [ApplicationOrphanedAccounts])
  byApplication!: ApplicationOrphanedAccounts[];
}

@ObjectType({ description: 'How long an application took, one way, from the decision to its acknowledgement.' })
export class ProvisioningTimeStats {
  @Field(() => Int, { description: 'Decisions in the period the application acknowledged: the percentiles are over these.' })
  acknowledged!: number;

  @Field(() => Int, { description: 'Decisions in the period not acknowledged yet (queued, retrying, dead, a manual task open).' })
  pending!: number;

  @Field(() => Float, { nullable: true, description: 'Median, in seconds (interpolated); null when nothing was acknowledged.' })
  p50Seconds!: number | null;

  @Field(() => Float, { nullable: true, description: '95th percentile, in seconds (interpolated); null when nothing was acknowledged.' })
  p95Seconds!: number | null;
}

@ObjectType({ description: 'Time-to-provision and time-to-revoke of one application.' })
export class ApplicationProvisioningTimes {
  @Field(() => ID)
  applicationId!: string;

  @Field(() => String, { nullable: true })
  applicationName!: string | null;

  @Field(() => ProvisioningTimeStats, {
    nullable: true,
    description: 'Grants, from the assignment added. Null: none decided in the period.',
  })
  provision!: ProvisioningTimeStats | null;

  @Field(() => ProvisioningTimeStats, {
    nullable: true,
    description:
      "Revokes (from the assignment revoked) and leavers' accounts disabled (from the termination). Null: none decided in the period.",
  })
  revoke!: ProvisioningTimeStats | null;
}

@ObjectType({ description: 'Time-to-provision and time-to-revoke by application, for the decisions made in [from, to).' })
export class ProvisioningTimesReport {
  @Field(() => Date)
  from!: Date;

  @Field(() => Date)
  to!: Date;

  @Field(() => [ApplicationProvisioningTimes])
  applications!: ApplicationProvisioningTimes[];
}

@ObjectType({ description: 'An amount of money per month.' })
export class MonthlyCost {
  @Field(() => Float)
  amountPerMonth!: number;

  @Field({ description: 'ISO 4217 code.' })
  currency!: string;
}

@ObjectType({ description: 'Licenses one application got back in the period.' })
export class ApplicationLicensesReclaimed {
  @Field(() => ID)
  applicationId!: string;

  @Field(() => String, { nullable: true })
  applicationName!: string | null;

  @Field(() => Int, { description: "Accounts disabled by a leaver flow (the termination's kill switch or a leaver's revocations)." })
  byLeavers!: number;

  @Field(() => Int, { description: "Accounts disabled by an access review's revocation." })
  byReviews!: number;

  @Field(() => MonthlyCost, {
    nullable: true,
    description: "What they cost per month at the application's license cost; null when it has none.",
  })
  monthlyCost!: MonthlyCost | null;
}

@ObjectType({ description: 'Licenses reclaimed one way (by leavers or by reviews) in the period.' })
export class LicensesReclaimedTotals {
  @Field(() => Int)
  count!: number;

  @Field(() => [MonthlyCost], { description: 'What they cost per month, one total per currency.' })
  monthlyCost!: MonthlyCost[];

  @Field(() => Int, { description: 'Of count, licenses of applications with no license cost set: not in monthlyCost.' })
  withoutCost!: number;
}

@ObjectType({ description: 'Licenses freed by leavers and by access reviews in [from, to): accounts disabled, counted once each.' })
export class LicensesReclaimedReport {
  @Field(() => Date)
  from!: Date;

  @Field(() => Date)
  to!: Date;

  @Field(() => LicensesReclaimedTotals)
  byLeavers!: LicensesReclaimedTotals;

  @Field(() => LicensesReclaimedTotals)
  byReviews!: LicensesReclaimedTotals;

  @Field(() => [ApplicationLicensesReclaimed])
  applications!: ApplicationLicensesReclaimed[];
}
