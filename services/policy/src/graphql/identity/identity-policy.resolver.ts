import { Injectable } from '@nestjs/common';
import { CallerGuard, requireOversight, type ReportingLineTable } from '@tenure/service-runtime';
import { Args, FieldResolver, Resolver, Root } from 'type-graphql';
import { PolicyQueries } from '../../application/policy-queries';
import { BirthrightDecision } from '../decisions/birthright-decision.type';
import { toBirthrightDecision, toRequestDecision, toSodViolation } from '../decisions/decision.mapper';
import { RequestDecision } from '../decisions/request-decision.type';
import { SodViolation } from '../decisions/sod-violation.type';
import { AccessRequestArgs } from './access-request.args';
import { EVALUATE_ACCESS_REQUEST, evaluateAccessRequestFor } from './evaluate-access-request';
import { Identity } from './identity.type';

/** Policy's copy of the directory, to tell who manages whom. */
const POLICY_DIRECTORY: ReportingLineTable = { table: 'policy_identities', managerOf: 'd.manager_employee_number' };

/** What policy says about one person, under the latest published version: for the person, their managers, administrators and auditors. */
@Injectable()
@Resolver(() => Identity)
export class IdentityPolicyResolver {
  constructor(
    private readonly callers: CallerGuard,
    private readonly queries: PolicyQueries,
  ) {}

  @FieldResolver(() => BirthrightDecision, {
    nullable: true,
    description:
      'What the person should hold by birthright, and why; null before a policy is published or while policy does not know them yet.',
  })
  async birthright(@Root() identity: Identity): Promise<BirthrightDecision | null> {
    await requireOversight(this.queries.pool, POLICY_DIRECTORY, this.callers.requireCaller('birthright'), identity.id, 'birthright');
    const decision = await this.queries.birthright(identity.id);
    return decision ? toBirthrightDecision(decision) : null;
  }

  @FieldResolver(() => [SodViolation], {
    description: 'Separation-of-duties violations of what the person holds, under the latest version (empty before a policy is published).',
  })
  async sodViolations(@Root() identity: Identity): Promise<SodViolation[]> {
    await requireOversight(this.queries.pool, POLICY_DIRECTORY, this.callers.requireCaller('sodViolations'), identity.id, 'sodViolations');
    return ((await this.queries.sodCheck(identity.id))?.violations ?? []).map(toSodViolation);
  }

  @FieldResolver(() => RequestDecision, { description: EVALUATE_ACCESS_REQUEST })
  async evaluateAccessRequest(
    @Root() identity: Identity,
    @Args(() => AccessRequestArgs) args: AccessRequestArgs,
  ): Promise<RequestDecision> {
    await requireOversight(
      this.queries.pool,
      POLICY_DIRECTORY,
      this.callers.requireCaller('evaluateAccessRequest'),
      identity.id,
      'evaluateAccessRequest',
    );
    return toRequestDecision(await evaluateAccessRequestFor(this.queries, identity.id, args));
  }
}
