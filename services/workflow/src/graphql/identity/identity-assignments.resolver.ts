import { Injectable } from '@nestjs/common';
import { CallerGuard } from '@tenure/service-runtime';
import { Arg, FieldResolver, Resolver, Root } from 'type-graphql';
import { AssignmentQueries } from '../../application/assignment-queries';
import { toAssignment } from '../assignments/assignment.mapper';
import { Assignment } from '../assignments/assignment.type';
import { Identity } from './identity.type';

/** What workflow holds for one person: for the person, their managers and administrators. */
@Injectable()
@Resolver(() => Identity)
export class IdentityAssignmentsResolver {
  constructor(
    private readonly queries: AssignmentQueries,
    private readonly callers: CallerGuard,
  ) {}

  @FieldResolver(() => [Assignment], {
    description: 'The entitlements the person should hold (desired state), with why; by application and entitlement.',
  })
  async assignments(
    @Root() identity: Identity,
    @Arg('includeRevoked', { defaultValue: false, description: 'Also list assignments that ended, with why and when.' })
    includeRevoked: boolean,
  ): Promise<Assignment[]> {
    const caller = this.callers.requireCaller('reading assignments');
    return (await this.queries.forIdentityAsCaller(caller, identity.id, { includeRevoked })).map(toAssignment);
  }
}
