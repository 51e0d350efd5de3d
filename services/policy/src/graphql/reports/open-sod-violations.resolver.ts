import { Injectable } from '@nestjs/common';
import { CallerGuard } from '@tenure/service-runtime';
import { Query, Resolver } from 'type-graphql';
import { PolicyQueries } from '../../application/policy-queries';
import { OpenSodViolationsReport } from './open-sod-violations.type';

/** Policy's compliance report, for administrators and auditors. */
@Injectable()
@Resolver()
export class OpenSodViolationsResolver {
  constructor(
    private readonly queries: PolicyQueries,
    private readonly guard: CallerGuard,
  ) {}

  @Query(() => OpenSodViolationsReport, {
    description: 'Open separation-of-duties violations counted by rule (detective SoD, unwaived). For administrators and auditors.',
  })
  async openSodViolationsReport(): Promise<OpenSodViolationsReport> {
    this.guard.requireReader('openSodViolationsReport');
    const { identities, byRule } = await this.queries.violationCounts();
    return { total: byRule.reduce((sum, rule) => sum + rule.violations, 0), identities, byRule };
  }
}
