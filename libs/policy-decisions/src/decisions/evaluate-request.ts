import type { CompiledCondition } from '../conditions/compile-condition';
import { entitlementKey } from '../model/entitlement';
import type { AccessPolicy } from '../model/policy-set';
import type { PolicySubject } from '../model/subject';
import { applicablePolicy, type ApplicablePolicy } from './access-policy-lookup';
import { describeApprovalChain } from './approval-chain';
import { judgeAutoApproval } from './auto-approval';
import { violationsOf } from './check-sod';
import type { CompiledPolicy } from './compiled-policy';
import type { AccessRequestInput, ApprovalStepDecision, RequestDecision, SodViolation } from './decision-types';
import { grantDuration, type GrantDuration } from './request-duration';
import { markHeld, scratchFor, sodEntitlementId } from './sod-matching';
import { ExceptionLookup, instantOf } from './sod-violation';

/**
 * Whether a person may get an entitlement by request, and on what terms: which access policy
 * applies, every reason it is refused (not just the first), the duration, the approval chain,
 * auto-approval, break-glass, and the SoD conflicts the grant would be part of. An allowed request
 * never creates a blocking SoD violation, break-glass included.
 */
export function evaluateRequest(policy: CompiledPolicy, input: AccessRequestInput): RequestDecision {
  const { subject, entitlement } = input;
  const key = entitlementKey(entitlement);
  const applicable = applicablePolicy(policy.accessPolicies, entitlement);
  const accessPolicy = applicable?.compiled.policy ?? null;
  const requestableBy = applicable?.compiled.requestableBy ?? null;

  const alreadyHeld = input.held.some(
    (held) => held.entitlement.application === entitlement.application && held.entitlement.entitlement === entitlement.entitlement,
  );
  const sodConflicts = conflictsOfGrant(policy, input);
  const duration = grantDuration(input.durationHours, accessPolicy?.maxDurationHours ?? null);

  const refusals = refusalsOf({ input, key, applicable, alreadyHeld, duration, requestableBy, sodConflicts });
  const allowed = refusals.length === 0;
  const approvalChain = accessPolicy ? describeApprovalChain(policy, accessPolicy.approvalChain, subject) : [];
  const grantedHours = duration.valid ? duration.grantedHours : null;
  const autoApproval = accessPolicy ? judgeAutoApproval(accessPolicy.autoApproval, accessPolicy.risk, grantedHours, input.peers) : null;
  const autoApproved = allowed && autoApproval !== null && autoApproval.met;
  const breakGlass = allowed && input.breakGlass;

  const reasons = allowed
    ? [
        `Access policy ${JSON.stringify(accessPolicy!.name)} (${accessPolicy!.id}) applies: ${applicable!.scope}.`,
        requesterReason(input),
        requestableBy === null
          ? 'Anyone active may request it.'
          : `${subject.employeeNumber} may request it: ${requestableBy.explain(subject).join('; ')}.`,
        duration.reason,
        ...sodConflicts.map((violation) => `SoD: ${violation.explanation}.`),
        approvalReason(approvalChain, autoApproved, breakGlass),
      ]
    : refusals;

  return {
    policyVersion: policy.version,
    entitlement,
    identityId: subject.identityId,
    allowed,
    reasons,
    policyId: accessPolicy?.id ?? null,
    policyName: accessPolicy?.name ?? null,
    risk: accessPolicy?.risk ?? null,
    maxDurationHours: accessPolicy?.maxDurationHours ?? null,
    grantedDurationHours: grantedHours,
    approvalChain,
    autoApproved,
    autoApprovalReasons: autoApproval?.reasons ?? [],
    breakGlass,
    sodConflicts,
  };
}

/**
 * The violations the grant would be part of: only the rules the requested entitlement belongs to,
 * checked over what is held plus the requested entitlement.
 */
function conflictsOfGrant(policy: CompiledPolicy, { subject, entitlement, held, exceptions, now }: AccessRequestInput): SodViolation[] {
  const lookup = new ExceptionLookup(exceptions, subject.identityId, instantOf(now));
  const requested = sodEntitlementId(policy.sodIndex, entitlement);
  if (requested === undefined) return [];
  const scratch = scratchFor(policy);
  markHeld(scratch, held);
  scratch.held.mark(requested);
  return violationsOf(policy.sodIndex.rulesByEntitlement[requested]!, scratch.held, lookup);
}

interface RefusalContext {
  readonly input: AccessRequestInput;
  readonly key: string;
  readonly applicable: ApplicablePolicy | null;
  readonly alreadyHeld: boolean;
  readonly duration: GrantDuration;
  readonly requestableBy: CompiledCondition | null;
  readonly sodConflicts: readonly SodViolation[];
}

/** Every reason the request cannot be granted, in a fixed order; empty when it can. */
function refusalsOf({ input, key, applicable, alreadyHeld, duration, requestableBy, sodConflicts }: RefusalContext): string[] {
  const { subject } = input;
  const accessPolicy = applicable?.compiled.policy ?? null;
  const refusals: string[] = [];
  if (accessPolicy === null) {
    refusals.push(
      `No access policy covers ${key} (none for the entitlement, none for application ${input.entitlement.application}, no default policy): it cannot be requested.`,
    );
  } else if (!accessPolicy.requestable) {
    refusals.push(
      `Access policy ${JSON.stringify(accessPolicy.name)} (${accessPolicy.id}), ${applicable!.scope}, makes ${key} not requestable.`,
    );
  }
  if (subject.status !== 'active') {
    refusals.push(`${subject.employeeNumber} is ${STATUS_WORDS[subject.status]}: only active people can get access by request.`);
  }
  if (!mayRequestFor(input.requesterEmployeeNumber, subject)) {
    refusals.push(
      `${input.requesterEmployeeNumber} may not request access for ${subject.employeeNumber}: only the person or a manager above them${subject.managerChain.length > 0 ? ` (${subject.managerChain.join(', ')})` : ''} can.`,
    );
  }
  if (accessPolicy !== null && requestableBy !== null && !requestableBy.test(subject)) {
    refusals.push(
      `${subject.employeeNumber} is not among who may request it under ${policyLabel(accessPolicy)}: ${requestableBy.description}.`,
    );
  }
  if (alreadyHeld) refusals.push(`${subject.employeeNumber} already holds ${key}.`);
  if (!duration.valid) refusals.push(duration.reason);
  if (input.breakGlass && accessPolicy !== null && !accessPolicy.breakGlass) {
    refusals.push(`Break-glass access is not allowed by ${policyLabel(accessPolicy)}.`);
  }
  for (const violation of sodConflicts) {
    if (violation.blocking) refusals.push(`Granting ${key} would create a blocking SoD violation: ${violation.explanation}.`);
  }
  return refusals;
}

const STATUS_WORDS: Record<Exclude<PolicySubject['status'], 'active'>, string> = {
  'pre-hire': 'not started yet (pre-hire)',
  'on-leave': 'on leave',
  terminated: 'terminated',
};

function mayRequestFor(requester: string, subject: PolicySubject): boolean {
  return requester === subject.employeeNumber || subject.managerChain.includes(requester) || subject.managerEmployeeNumber === requester;
}

function requesterReason({ requesterEmployeeNumber: requester, subject }: AccessRequestInput): string {
  if (requester === subject.employeeNumber) return `${requester} requests it for themselves.`;
  const direct = subject.managerEmployeeNumber === requester || subject.managerChain[0] === requester;
  return `${requester} requests it for ${subject.employeeNumber}, who reports to them ${direct ? 'directly' : 'through others'}.`;
}

function approvalReason(chain: readonly ApprovalStepDecision[], autoApproved: boolean, breakGlass: boolean): string {
  const steps = chain.map((step) => step.description).join(', then ');
  if (breakGlass) {
    return chain.length > 0
      ? `Break-glass: granted at once; ${steps} review${chain.length === 1 ? 's' : ''} it afterwards.`
      : 'Break-glass: granted at once; the policy names no one to review it afterwards.';
  }
  if (autoApproved) return 'Auto-approved: every auto-approval condition holds.';
  return chain.length > 0 ? `Needs approval from ${steps}.` : 'No approval required by the policy.';
}

function policyLabel(policy: AccessPolicy): string {
  return `access policy ${JSON.stringify(policy.name)} (${policy.id})`;
}
