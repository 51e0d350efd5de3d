import { Injectable } from '@nestjs/common';
import { CallerGuard } from '@tenure/service-runtime';
import { Arg, Int, Query, Resolver } from 'type-graphql';
import { WorkflowReports } from '../../application/workflow-reports';
import { AssignmentSourceKind } from '../assignments/assignment-enums';
import { AssignmentSource } from '../assignments/assignment.type';
import { identityReference } from '../identity/identity.type';
import { StandingPrivilegedAccessReport } from './standing-privileged-access.type';

/** Workflow's compliance report, for administrators and auditors. */
@Injectable()
@Resolver()
export class StandingPrivilegedAccessResolver {
  constructor(
    private readonly reports: WorkflowReports,
    private readonly callers: CallerGuard,
  ) {}

  @Query(() => StandingPrivilegedAccessReport, {
    description:
      'High-risk entitlements (catalog risk HIGH or CRITICAL) held permanently: acknowledged, no expiry, no duration. ' +
      'Who, what, since when and why, longest held first. For administrators and auditors.',
  })
  async standingPrivilegedAccessReport(
    @Arg('first', () => Int, { defaultValue: 100, description: 'At most this many grants (0 to 500); the total is always exact.' })
    first: number,
  ): Promise<StandingPrivilegedAccessReport> {
    this.callers.requireReader('standingPrivilegedAccessReport');
    const page = await this.reports.standingPrivilegedAccess(first);
    return {
      total: page.total,
      grants: page.grants.map((grant) => ({
        ...grant,
        identity: identityReference(grant.identityId),
        source: Object.assign(new AssignmentSource(), { ...grant.source, kind: grant.source.kind as AssignmentSourceKind }),
      })),
    };
  }
}
