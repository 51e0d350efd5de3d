import { Injectable } from '@nestjs/common';
import { CallerGuard } from '@tenure/service-runtime';
import { FieldResolver, Resolver, Root } from 'type-graphql';
import { AccessRequestQueries } from '../../application/requests/access-request-queries';
import { Identity } from '../identity/identity.type';
import { toAccessRequest } from './access-request.mapper';
import { AccessRequest } from './access-request.type';

/** A person's requests and approvals inbox: for the person, their managers and administrators. */
@Injectable()
@Resolver(() => Identity)
export class IdentityRequestsResolver {
  constructor(
    private readonly queries: AccessRequestQueries,
    private readonly callers: CallerGuard,
  ) {}

  @FieldResolver(() => [AccessRequest], { description: 'Access requests for this person, newest first.' })
  async requests(@Root() identity: Identity): Promise<AccessRequest[]> {
    return (await this.queries.forIdentity(this.callers.requireCaller('listing requests'), identity.id)).map(toAccessRequest);
  }

  @FieldResolver(() => [AccessRequest], { description: 'Requests whose open step waits for this person’s approval, oldest first.' })
  async pendingApprovals(@Root() identity: Identity): Promise<AccessRequest[]> {
    return (await this.queries.pendingApprovalsOf(this.callers.requireCaller('listing pending approvals'), identity.id)).map(
      toAccessRequest,
    );
  }
}
