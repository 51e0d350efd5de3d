import { Field, ID, ObjectType } from 'type-graphql';
import { AssignmentRevocationReason } from '../assignments/assignment-enums';
import { AssignmentSource } from '../assignments/assignment.type';
import { Identity } from '../identity/identity.type';
import { AccessRequest } from '../requests/access-request.type';

@ObjectType({
  description:
    'An entitlement one identity held at the instant asked, with why (source, requests and their approvers) and since when. ' +
    'Computed from the assignment events (workflow_assignment_history), so it is exact for any past instant.',
})
export class HeldAtTime {
  @Field(() => ID)
  assignmentId!: string;

  @Field(() => Identity, { description: 'The holder (the identity subgraph resolves the name and the rest).' })
  identity!: Identity;

  @Field(() => ID)
  identityId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The holder’s employee number; null only if workflow never saw an identity event for them.',
  })
  employeeNumber!: string | null;

  @Field(() => ID)
  applicationId!: string;

  @Field()
  entitlementKey!: string;

  @Field(() => AssignmentSource, {
    description: 'Why: birthright (rule ids and policy version), request or break-glass (request id), review...',
  })
  source!: AssignmentSource;

  @Field({ description: 'Start of the holding under the basis asked: `activeFrom` for IN_APPLICATION, `addedAt` for ASSIGNED.' })
  since!: Date;

  @Field({ description: 'When the grant was decided and recorded (AssignmentAdded).' })
  addedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the application acknowledged the grant; null: never acknowledged (as of now).' })
  activeFrom!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'The end in force at the instant asked (extensions applied by then included); null: no end, or a duration not started yet.',
  })
  validUntil!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the revocation was decided, as known now (may be after the instant asked).' })
  revokedAt!: Date | null;

  @Field(() => AssignmentRevocationReason, { nullable: true, description: 'Why it ended, as known now.' })
  revocationReason!: AssignmentRevocationReason | null;

  @Field(() => Date, { nullable: true, description: 'When the application acknowledged the removal, as known now.' })
  revocationAcknowledgedAt!: Date | null;

  @Field(() => [AccessRequest], {
    description:
      'For requested and break-glass access: the granting request, then each extension request applied by the instant asked, ' +
      'with their steps, approvers and comments (`steps { approvals { by { kind employeeNumber } comment at } }`). Empty otherwise.',
  })
  requests!: AccessRequest[];
}
