import { Field, Float, ID, InputType } from 'type-graphql';

@InputType({ description: 'Access to ask for: for yourself, or for someone reporting to you.' })
export class RequestAccessInput {
  @Field(() => ID, { nullable: true, description: 'The identity the access is for; yourself when absent.' })
  identityId?: string | null;

  @Field(() => ID)
  applicationId!: string;

  @Field()
  entitlementKey!: string;

  @Field({ description: 'Why the access is needed (required, at most 2,000 characters).' })
  justification!: string;

  @Field(() => Float, { description: 'How long, in hours, once provisioned; the policy may cap it.' })
  durationHours!: number;
}

@InputType({ description: 'More time for requested access you (or a report) hold: a new request, approved again.' })
export class ExtendAccessInput {
  @Field(() => ID)
  assignmentId!: string;

  @Field(() => Float)
  durationHours!: number;

  @Field()
  justification!: string;
}
