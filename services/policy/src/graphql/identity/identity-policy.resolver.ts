import { Injectable } from '@nestjs/common';
import { CallerGuard } from '@tenure/service-runtime';
import { Args, FieldResolver, Resolver, Root } from 'type-graphql';
import { PolicyQueries } from '../../application/policy-queries';
import { BirthrightDecision } from '../decisions/birthright-decision.type';
import { toBirthrightDecision, toRequestDecision, toSodViolation } from '../decisions/decision.mapper';
import { RequestDecision } from '../decisions/request-decision.type';
import { SodViolation } from '../decisions/sod-violation.type';
import { AccessRequestArgs } from './access-request.args';
import { EVALUATE_ACCESS_REQUEST, evaluateAccessRequestFor } from './evaluate-access-request';
import { Identity } from './identity.type';

/** What policy says about one person, under the latest published version; open to read until OIDC and roles arrive (issue 7). */
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
    this.callers.requireCaller('birthright');
    const decision = await this.queries.birthright(identity.id);
    return decision ? toBirthrightDecision(decision) : null;
  }

  @FieldResolver(() => [SodViolation], {
    description: 'Separation-of-duties violations of what the person holds, under the latest version (empty before a policy is published).',
  })
  async sodViolations(@Root() identity: Identity): Promise<SodViolation[]> {
    this.callers.requireCaller('sodViolations');
    return ((await this.queries.sodCheck(identity.id))?.violations ?? []).map(toSodViolation);
  }

  @FieldResolver(() => RequestDecision, { description: EVALUATE_ACCESS_REQUEST })
  async evaluateAccessRequest(
    @Root() identity: Identity,
    @Args(() => AccessRequestArgs) args: AccessRequestArgs,
  ): Promise<RequestDecision> {
    this.callers.requireCaller('evaluateAccessRequest');
    return toRequestDecision(await evaluateAccessRequestFor(this.queries, identity.id, args));
  }
}
