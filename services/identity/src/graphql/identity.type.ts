import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { IdentityStatus } from './identity-status.enum';

@ObjectType({ description: 'An organisation-specific HR attribute (e.g. division), as HR sent it.' })
export class IdentityCustomAttribute {
  @Field()
  name!: string;

  @Field()
  value!: string;
}

/**
 * A person as HR describes them now, from the identity directory. `manager` and `directReports`
 * are resolved by IdentityResolver, batched per request.
 */
@ObjectType({ description: 'A person known to HR: their attributes, status and place in the reporting line.' })
@Directive('@key(fields: "id")')
export class Identity {
  @Field(() => ID, { description: 'Stable across rehires.' })
  id!: string;

  @Field({ description: 'The HR system’s number for the person; unique, stable across rehires.' })
  employeeNumber!: string;

  @Field(() => IdentityStatus)
  status!: IdentityStatus;

  @Field()
  givenName!: string;

  @Field()
  familyName!: string;

  @Field({ description: 'Given name then family name.' })
  displayName!: string;

  @Field()
  email!: string;

  @Field({ description: 'True once the personal data was erased on legal request: names and email read "[erased]".' })
  personalDataErased!: boolean;

  @Field()
  department!: string;

  @Field()
  title!: string;

  @Field()
  location!: string;

  @Field()
  costCenter!: string;

  @Field({ description: 'employee, contractor, intern or temporary.' })
  employmentType!: string;

  @Field(() => [IdentityCustomAttribute], { description: 'Organisation-specific attributes, sorted by name.' })
  customAttributes!: IdentityCustomAttribute[];

  @Field(() => String, {
    nullable: true,
    description: 'The manager as HR names them, also while that manager is not known here yet (then `manager` is null).',
  })
  managerEmployeeNumber!: string | null;

  @Field({ description: 'First day of the current employment (ISO date, UTC).' })
  startDate!: string;

  @Field(() => String, { nullable: true, description: 'Last day of employment, once terminated (ISO date).' })
  terminationDate!: string | null;

  @Field(() => String, { nullable: true, description: 'The date a future termination takes effect, while one is scheduled (ISO date).' })
  scheduledTerminationDate!: string | null;

  @Field(() => Int, { description: '1 for the first employment; counts rehires.' })
  employment!: number;

  @Field(() => Int, { description: 'Revision of the identity’s event stream this state reflects.' })
  version!: number;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}
