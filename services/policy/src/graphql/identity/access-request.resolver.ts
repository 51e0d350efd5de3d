import { Injectable } from '@nestjs/common';
import { CallerGuard } from '@tenure/service-runtime';
import { Args, Query, Resolver } from 'type-graphql';
import { PolicyQueries } from '../../application/policy-queries';
import { toRequestDecision } from '../decisions/decision.mapper';
import { RequestDecision } from '../decisions/request-decision.type';
import { AccessRequestForIdentityArgs } from './access-request.args';
import { EVALUATE_ACCESS_REQUEST, evaluateAccessRequestFor } from './evaluate-access-request';

/** The hypothetical request the portal evaluates before submitting; open until OIDC and roles arrive (issue 7). */
@Injectable()
@Resolver()
export class AccessRequestResolver {
  constructor(
    private readonly callers: CallerGuard,
    private readonly queries: PolicyQueries,
  ) {}

  @Query(() => RequestDecision, { description: `${EVALUATE_ACCESS_REQUEST} The portal asks it before submitting a request.` })
  async evaluateAccessRequest(@Args(() => AccessRequestForIdentityArgs) args: AccessRequestForIdentityArgs): Promise<RequestDecision> {
    this.callers.requireCaller('evaluateAccessRequest');
    return toRequestDecision(await evaluateAccessRequestFor(this.queries, args.identityId, args));
  }
}
