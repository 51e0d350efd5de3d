import { Injectable } from '@nestjs/common';
import { Arg, FieldResolver, Resolver, Root } from 'type-graphql';
import { AssignmentQueries } from '../../application/assignment-queries';
import { toAssignment } from '../assignments/assignment.mapper';
import { Assignment } from '../assignments/assignment.type';
import { Identity } from './identity.type';

/** What workflow holds for one person; open to read until OIDC and roles arrive (issue 7). */
@Injectable()
@Resolver(() => Identity)
export class IdentityAssignmentsResolver {
  constructor(private readonly queries: AssignmentQueries) {}

  @FieldResolver(() => [Assignment], {
    description: 'The entitlements the person should hold (desired state), with why; by application and entitlement.',
  })
  async assignments(
    @Root() identity: Identity,
    @Arg('includeRevoked', { defaultValue: false, description: 'Also list assignments that ended, with why and when.' })
    includeRevoked: boolean,
  ): Promise<Assignment[]> {
    return (await this.queries.forIdentity(identity.id, { includeRevoked })).map(toAssignment);
  }
}
