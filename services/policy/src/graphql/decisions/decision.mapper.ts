import type {
  BirthrightDecision as BirthrightDecisionModel,
  RequestDecision as RequestDecisionModel,
  SodException as SodExceptionModel,
  SodViolation as SodViolationModel,
} from '@tenure/policy-decisions';
import type { DetectedViolation as DetectedViolationModel } from '../../application/policy-queries';
import { identityReference } from '../identity/identity.type';
import { toApprovalStep } from '../policy-set/policy-set.mapper';
import { toEntitlementRef, toEntitlementRefs } from '../shared/entitlement-ref.type';
import { SodExceptionStatus, type RiskLevel, type SodAction } from '../shared/policy-enums';
import { SodException } from '../sod/sod-exception.type';
import { BirthrightDecision, BirthrightEntitlement, BirthrightReason } from './birthright-decision.type';
import { ApprovalStepDecision, RequestDecision } from './request-decision.type';
import { DetectedViolation, SodConflictSet, SodViolation } from './sod-violation.type';

export function toBirthrightDecision(decision: BirthrightDecisionModel): BirthrightDecision {
  return Object.assign(new BirthrightDecision(), {
    policyVersion: decision.policyVersion,
    identityId: decision.identityId,
    entitlements: decision.entitlements.map((granted) =>
      Object.assign(new BirthrightEntitlement(), {
        entitlement: toEntitlementRef(granted.entitlement),
        reasons: granted.reasons.map((reason) => Object.assign(new BirthrightReason(), { ...reason, matched: [...reason.matched] })),
      }),
    ),
  });
}

/** An exception with its status; one waiving a violation is active by definition. */
export function toSodException(exception: SodExceptionModel, status: `${SodExceptionStatus}` = SodExceptionStatus.ACTIVE): SodException {
  return Object.assign(new SodException(), {
    id: exception.exceptionId,
    ruleId: exception.ruleId,
    identityId: exception.identityId,
    approvedBy: exception.approvedBy,
    reason: exception.reason,
    validUntil: new Date(exception.validUntil),
    status: status as SodExceptionStatus,
  });
}

export function toSodViolation(violation: SodViolationModel): SodViolation {
  return Object.assign(new SodViolation(), {
    ruleId: violation.ruleId,
    ruleName: violation.ruleName,
    severity: violation.severity as RiskLevel,
    action: violation.action as SodAction,
    conflicting: violation.conflicting.map((set) =>
      Object.assign(new SodConflictSet(), { setName: set.setName, entitlements: toEntitlementRefs(set.entitlements) }),
    ),
    exception: violation.exception ? toSodException(violation.exception) : null,
    blocking: violation.blocking,
    explanation: violation.explanation,
  });
}

export function toDetectedViolation(detected: DetectedViolationModel): DetectedViolation {
  return Object.assign(new DetectedViolation(), {
    identityId: detected.identityId,
    identity: identityReference(detected.identityId),
    employeeNumber: detected.employeeNumber,
    violation: toSodViolation(detected.violation),
    detectedAt: new Date(detected.detectedAt),
    policyVersion: detected.policyVersion,
  });
}

export function toRequestDecision(decision: RequestDecisionModel): RequestDecision {
  return Object.assign(new RequestDecision(), {
    policyVersion: decision.policyVersion,
    identityId: decision.identityId,
    entitlement: toEntitlementRef(decision.entitlement),
    allowed: decision.allowed,
    reasons: [...decision.reasons],
    policyId: decision.policyId,
    policyName: decision.policyName,
    risk: decision.risk as RiskLevel | null,
    maxDurationHours: decision.maxDurationHours,
    grantedDurationHours: decision.grantedDurationHours,
    approvalChain: decision.approvalChain.map((step) =>
      Object.assign(new ApprovalStepDecision(), { step: toApprovalStep(step.step), description: step.description }),
    ),
    autoApproved: decision.autoApproved,
    autoApprovalReasons: [...decision.autoApprovalReasons],
    breakGlass: decision.breakGlass,
    sodConflicts: decision.sodConflicts.map(toSodViolation),
  });
}
