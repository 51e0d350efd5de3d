import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { AssignmentRevocationReason, AssignmentSourceKind, AssignmentStatus } from './assignment-enums';

@ObjectType({ description: 'Why the identity holds the entitlement: the evidence auditors ask for.' })
export class AssignmentSource {
  @Field(() => AssignmentSourceKind)
  kind!: AssignmentSourceKind;

  @Field({ description: 'What to follow to see why: the birthright rule ids (comma-separated), the request id, the review id...' })
  reference!: string;

  @Field(() => Int, { nullable: true, description: 'The published policy version the decision used, when a policy decided.' })
  policyVersion!: number | null;
}

@ObjectType({ description: 'What the application reported when it last gave up on the grant or the removal.' })
export class ProvisioningFailure {
  @Field(() => ID)
  operationId!: string;

  @Field({ description: '"grant" or "revoke".' })
  action!: string;

  @Field({ description: 'The connector’s error kind, e.g. "unavailable", "rejected".' })
  errorKind!: string;

  @Field()
  message!: string;

  @Field()
  failedAt!: Date;
}

@ObjectType({ description: 'One entitlement the identity should hold (desired state): what the connectors provision.' })
export class Assignment {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The application’s id in the connector catalog, e.g. "github".' })
  applicationId!: string;

  @Field({ description: 'The entitlement’s key inside the application, e.g. "org-member".' })
  entitlementKey!: string;

  @Field(() => AssignmentSource)
  source!: AssignmentSource;

  @Field()
  validFrom!: Date;

  @Field(() => Date, { nullable: true, description: 'Null: no end (or, for a grant with a duration, not acknowledged yet).' })
  validUntil!: Date | null;

  @Field(() => Float, {
    nullable: true,
    description: 'A grant for a duration: its end is the acknowledgement plus this many milliseconds.',
  })
  durationMs!: number | null;

  @Field(() => AssignmentStatus)
  status!: AssignmentStatus;

  @Field(() => AssignmentRevocationReason, { nullable: true, description: 'Set once revoked.' })
  revocationReason!: AssignmentRevocationReason | null;

  @Field()
  addedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the application acknowledged the grant; null while pending.' })
  acknowledgedAt!: Date | null;

  @Field(() => ProvisioningFailure, { nullable: true, description: 'The last failure reported, until an acknowledgement clears it.' })
  provisioningFailure!: ProvisioningFailure | null;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the application acknowledged the removal.' })
  revocationAcknowledgedAt!: Date | null;
}
