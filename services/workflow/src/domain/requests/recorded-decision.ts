import type { RequestDecision } from '@tenure/policy-decisions';
import type { RecordedDecision } from './access-request.events';

/** The policy's answer as the request records it. */
export function recordedDecision(decision: RequestDecision): RecordedDecision {
  return {
    policyVersion: decision.policyVersion,
    policyId: decision.policyId,
    policyName: decision.policyName,
    allowed: decision.allowed,
    reasons: decision.reasons,
    risk: decision.risk,
    maxDurationHours: decision.maxDurationHours,
    grantedDurationHours: decision.grantedDurationHours,
    autoApproved: decision.autoApproved,
    autoApprovalReasons: decision.autoApprovalReasons,
    breakGlass: decision.breakGlass,
    sodConflicts: decision.sodConflicts.map(({ ruleId, ruleName, severity, action, blocking, explanation }) => ({
      ruleId,
      ruleName,
      severity,
      action,
      blocking,
      explanation,
    })),
  };
}

/** Refused before any policy could decide: nothing valid is published yet. */
export function refusedWithoutPolicy(): RecordedDecision {
  return {
    policyVersion: null,
    policyId: null,
    policyName: null,
    allowed: false,
    reasons: ['No valid policy is published yet: nothing can be requested.'],
    risk: null,
    maxDurationHours: null,
    grantedDurationHours: null,
    autoApproved: false,
    autoApprovalReasons: [],
    breakGlass: false,
    sodConflicts: [],
  };
}
