import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AssignmentSource } from '../assignments/assignment.type';
import { Identity } from '../identity/identity.type';

@ObjectType({ description: 'A high-risk entitlement one identity holds with no end date and no duration.' })
export class StandingPrivilegedGrant {
  @Field(() => ID)
  assignmentId!: string;

  @Field(() => Identity, { description: 'The holder (the identity subgraph resolves the name and the rest).' })
  identity!: Identity;

  @Field(() => ID)
  identityId!: string;

  @Field(() => String, { nullable: true, description: 'Null only if workflow never saw an identity event for the holder.' })
  employeeNumber!: string | null;

  @Field(() => ID)
  applicationId!: string;

  @Field(() => String, { nullable: true })
  applicationName!: string | null;

  @Field()
  entitlementKey!: string;

  @Field(() => String, { nullable: true, description: 'The catalog’s name for it (annotated, else discovered).' })
  entitlementName!: string | null;

  @Field({ description: 'The catalog’s risk: "high" or "critical".' })
  risk!: string;

  @Field(() => AssignmentSource, { description: 'Why it is held: birthright, request, review, exception, adopted drift...' })
  source!: AssignmentSource;

  @Field({ description: 'When the grant was decided.' })
  addedAt!: Date;

  @Field({ description: 'When the application acknowledged it: held since then.' })
  heldSince!: Date;
}

@ObjectType({ description: 'Standing privileged access: entitlements the catalog rates HIGH or CRITICAL, held with no expiry.' })
export class StandingPrivilegedAccessReport {
  @Field(() => Int)
  total!: number;

  @Field(() => [StandingPrivilegedGrant], { description: 'Longest held first, at most `first` of them.' })
  grants!: StandingPrivilegedGrant[];
}
