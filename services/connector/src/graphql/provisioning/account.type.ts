import { Field, ID, ObjectType } from 'type-graphql';
import { AccountStatusName } from './provisioning-enums';

@ObjectType({ description: 'An account Tenure provisioned for a person in an application (as its operations recorded it).' })
export class Account {
  @Field(() => ID)
  applicationId!: string;

  @Field()
  userName!: string;

  @Field(() => AccountStatusName)
  status!: AccountStatusName;

  @Field(() => ID, { description: 'The last operation that changed it.' })
  lastOperationId!: string;

  @Field()
  updatedAt!: Date;
}

@ObjectType({ description: 'An entitlement Tenure granted to a person in an application.' })
export class Grant {
  @Field(() => ID)
  applicationId!: string;

  @Field()
  entitlementKey!: string;

  @Field(() => ID, { nullable: true, description: 'The assignment it was granted for.' })
  assignmentId!: string | null;

  @Field()
  grantedAt!: Date;
}
