import { ArgsType, Field, Float, ID } from 'type-graphql';

/** A hypothetical access request, as both evaluateAccessRequest fields (on Identity and on Query) take it. */
@ArgsType()
export class AccessRequestArgs {
  @Field({ description: 'The application’s id in the connector catalog.' })
  application!: string;

  @Field({ description: 'The entitlement’s key inside the application.' })
  entitlement!: string;

  @Field(() => Float, { nullable: true, description: 'Requested duration in hours; left out asks for no end.' })
  durationHours?: number | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Emergency access, granted at once and reviewed afterwards.' })
  breakGlass!: boolean;

  @Field(() => String, { nullable: true, description: 'Who asks; the person the access is for when left out.' })
  requesterEmployeeNumber?: string | null;
}

@ArgsType()
export class AccessRequestForIdentityArgs extends AccessRequestArgs {
  @Field(() => ID, { description: 'The person the access is for.' })
  identityId!: string;
}
