import { Field, Float, ID, InputType } from 'type-graphql';
import { RiskLevel } from '../shared/connector-enums';

@InputType({ description: 'What administrators say about an entitlement: a field left out stays as it is, null clears it.' })
export class AnnotateEntitlementInput {
  @Field(() => ID)
  applicationId!: string;

  @Field()
  key!: string;

  @Field(() => String, { nullable: true, description: 'Null: the target’s name.' })
  displayName?: string | null;

  @Field(() => String, { nullable: true, description: 'Null: the target’s description.' })
  description?: string | null;

  @Field(() => String, { nullable: true })
  ownerEmployeeNumber?: string | null;

  @Field(() => RiskLevel, { nullable: true })
  risk?: RiskLevel | null;

  @Field(() => Float, { nullable: true, description: 'Per holder and month, in EUR; null: unknown or free.' })
  licenseCost?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Null leaves it unchanged.' })
  requestable?: boolean | null;
}
