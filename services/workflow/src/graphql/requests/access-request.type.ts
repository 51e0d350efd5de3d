import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { AccessRequestStatus, ApprovalHow, ApprovalStepKind, ApprovalStepStatus, RequestPartyKind } from './access-request-enums';

@ObjectType({ description: 'Who approved, denied or cancelled.' })
export class RequestParty {
  @Field(() => RequestPartyKind)
  kind!: RequestPartyKind;

  @Field(() => String, { nullable: true, description: 'The person’s employee number; null for administrators and processes.' })
  employeeNumber!: string | null;
}

@ObjectType({ description: 'One approval of a step: who, when, with what comment.' })
export class GivenApproval {
  @Field(() => RequestParty)
  by!: RequestParty;

  @Field()
  comment!: string;

  @Field()
  at!: Date;
}

@ObjectType({ description: 'The denial that ended a request: who, on which step, with what comment.' })
export class RequestDenial {
  @Field(() => RequestParty)
  by!: RequestParty;

  @Field(() => Int)
  stepIndex!: number;

  @Field()
  comment!: string;
}

@ObjectType({ description: 'One step of the approval chain. Every step must approve; nobody approves two steps of one request.' })
export class ApprovalStep {
  @Field(() => Int, { description: '0 for the first step.' })
  index!: number;

  @Field(() => ApprovalStepKind)
  kind!: ApprovalStepKind;

  @Field()
  description!: string;

  @Field(() => [String], { description: 'Employee numbers of who may approve it; empty when administrators decide it.' })
  approvers!: string[];

  @Field({ description: 'Nobody else could be found (no manager, no owner...): administrators decide it.' })
  toAdministrators!: boolean;

  @Field(() => Int, { description: 'Distinct approvals needed.' })
  requiredApprovals!: number;

  @Field(() => [GivenApproval])
  approvals!: GivenApproval[];

  @Field(() => ApprovalStepStatus)
  status!: ApprovalStepStatus;

  @Field(() => Date, { nullable: true, description: 'When it moves to the approvers’ managers if still pending.' })
  escalatesAt!: Date | null;

  @Field(() => Int)
  escalations!: number;

  @Field(() => Date, { nullable: true })
  openedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;
}

@ObjectType({ description: 'A separation-of-duties conflict the grant takes part in, as policy explained it.' })
export class RequestSodConflict {
  @Field()
  ruleId!: string;

  @Field()
  ruleName!: string;

  @Field()
  severity!: string;

  @Field()
  action!: string;

  @Field()
  blocking!: boolean;

  @Field()
  explanation!: string;
}

@ObjectType({
  description:
    'How many of the subject’s peers (same department and title) hold the requested entitlement now: risk context for approvers.',
})
export class PeerHolding {
  @Field()
  department!: string;

  @Field()
  title!: string;

  @Field(() => Int, { description: 'Peers: not terminated, the subject left out.' })
  peers!: number;

  @Field(() => Int, { description: 'Peers who hold it (active or being provisioned).' })
  holding!: number;

  @Field(() => Float, { nullable: true, description: 'holding / peers, between 0 and 1; null when the subject has no peers.' })
  share!: number | null;
}

@ObjectType({ description: 'A just-in-time access request: the policy decision, the approvals, the grant.' })
export class AccessRequest {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The identity the access is for.' })
  identityId!: string;

  @Field({ description: 'Employee number of the person the access is for.' })
  subjectEmployeeNumber!: string;

  @Field({ description: 'Employee number of who asked: the person, or a manager above them.' })
  requesterEmployeeNumber!: string;

  @Field(() => ID)
  applicationId!: string;

  @Field()
  entitlementKey!: string;

  @Field()
  justification!: string;

  @Field(() => Float, { nullable: true })
  requestedDurationHours!: number | null;

  @Field(() => Float, { nullable: true, description: 'How long the grant lasts from the provisioning acknowledgement; null: no end.' })
  grantedDurationHours!: number | null;

  @Field()
  breakGlass!: boolean;

  @Field(() => ID, { nullable: true, description: 'For an extension: the assignment it extends.' })
  extendsAssignmentId!: string | null;

  @Field(() => AccessRequestStatus)
  status!: AccessRequestStatus;

  @Field(() => [String], { description: 'The policy decision’s reasons, in order (why it is allowed, or every reason it is refused).' })
  decisionReasons!: string[];

  @Field(() => Int, { nullable: true, description: 'The published policy version that decided; null when none was published.' })
  policyVersion!: number | null;

  @Field(() => String, { nullable: true })
  risk!: string | null;

  @Field(() => ApprovalHow, { nullable: true })
  approvedHow!: ApprovalHow | null;

  @Field(() => [String], { description: 'Why it was approved without people (auto-approval’s conditions, break-glass).' })
  approvalReasons!: string[];

  @Field(() => [String], { description: 'Auto-approval’s conditions, met or not.' })
  autoApprovalReasons!: string[];

  @Field(() => [RequestSodConflict])
  sodConflicts!: RequestSodConflict[];

  @Field(() => [ApprovalStep])
  steps!: ApprovalStep[];

  @Field(() => RequestDenial, { nullable: true, description: 'Who denied it and why; null unless DENIED.' })
  denial!: RequestDenial | null;

  @Field(() => ID, { nullable: true })
  assignmentId!: string | null;

  @Field(() => String, { nullable: true })
  failureReason!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why it was cancelled (requester, subject, administrator, leaver) and the reason given.',
  })
  cancellation!: string | null;

  @Field()
  requestedAt!: Date;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  grantedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;
}
