import { Injectable } from '@nestjs/common';
import { CallerGuard } from '@tenure/service-runtime';
import { Arg, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AccessRequestQueries } from '../../application/requests/access-request-queries';
import { AccessRequests } from '../../application/requests/access-requests';
import { ExtendAccessInput, RequestAccessInput } from './access-request.inputs';
import { toAccessRequest } from './access-request.mapper';
import { AccessRequest, PeerHolding } from './access-request.type';

/** Just-in-time access requests; who may do what is decided by the workflow application from the data. */
@Injectable()
@Resolver(() => AccessRequest)
export class AccessRequestsResolver {
  constructor(
    private readonly requests: AccessRequests,
    private readonly queries: AccessRequestQueries,
    private readonly callers: CallerGuard,
  ) {}

  @FieldResolver(() => PeerHolding, {
    nullable: true,
    description: 'How many of the subject’s peers (same department and title) hold this entitlement now; read with the request.',
  })
  async peerHolding(@Root() request: AccessRequest): Promise<PeerHolding | null> {
    const holding = await this.queries.peerHolding(request.identityId, request.applicationId, request.entitlementKey);
    return holding ? { ...holding, share: holding.peers === 0 ? null : holding.holding / holding.peers } : null;
  }

  @Query(() => AccessRequest, {
    nullable: true,
    description: 'One access request: yours, one you approve, your reports’; administrators any.',
  })
  async accessRequest(@Arg('id', () => ID) id: string): Promise<AccessRequest | null> {
    const request = await this.queries.byId(this.callers.requireCaller('reading an access request'), id);
    return request ? toAccessRequest(request) : null;
  }

  @Query(() => [AccessRequest], { description: 'Pending requests with a step only administrators can decide (administrators only).' })
  async accessRequestsForAdministrators(): Promise<AccessRequest[]> {
    return (await this.queries.forAdministrators(this.callers.requireCaller('listing requests for administrators'))).map(toAccessRequest);
  }

  @Mutation(() => AccessRequest, {
    description: 'Ask for access; a request the policy does not allow comes back REFUSED with its reasons.',
  })
  async requestAccess(@Arg('input', () => RequestAccessInput) input: RequestAccessInput): Promise<AccessRequest> {
    return toAccessRequest(await this.requests.request(this.callers.requireCaller('requesting access'), { ...input, breakGlass: false }));
  }

  @Mutation(() => AccessRequest, {
    description: 'Emergency access where policy allows it: granted at once for a short time, reviewed by the owner afterwards.',
  })
  async breakGlassAccess(@Arg('input', () => RequestAccessInput) input: RequestAccessInput): Promise<AccessRequest> {
    return toAccessRequest(await this.requests.request(this.callers.requireCaller('break-glass access'), { ...input, breakGlass: true }));
  }

  @Mutation(() => AccessRequest)
  async approveRequest(
    @Arg('id', () => ID) id: string,
    @Arg('comment', () => String, { defaultValue: '' }) comment: string,
  ): Promise<AccessRequest> {
    return toAccessRequest(await this.requests.approve(this.callers.requireCaller('approving a request'), id, comment));
  }

  @Mutation(() => AccessRequest, { description: 'One denial ends the request.' })
  async denyRequest(
    @Arg('id', () => ID) id: string,
    @Arg('comment', () => String, { defaultValue: '' }) comment: string,
  ): Promise<AccessRequest> {
    return toAccessRequest(await this.requests.deny(this.callers.requireCaller('denying a request'), id, comment));
  }

  @Mutation(() => AccessRequest, { description: 'The requester or the person it is for; granted access is revoked (reason cancelled).' })
  async cancelRequest(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
  ): Promise<AccessRequest> {
    return toAccessRequest(await this.requests.cancel(this.callers.requireCaller('cancelling a request'), id, reason));
  }

  @Mutation(() => AccessRequest, { description: 'Ask for more time on requested access: a new request through policy and approvals.' })
  async extendAccess(@Arg('input', () => ExtendAccessInput) input: ExtendAccessInput): Promise<AccessRequest> {
    return toAccessRequest(await this.requests.extend(this.callers.requireCaller('extending access'), { ...input }));
  }
}
