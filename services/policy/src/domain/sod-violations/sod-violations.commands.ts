import { entitlementKey, type SodViolation } from '@tenure/policy-decisions';
import { canonicalJson } from '../canonical-json';
import type { SodViolationEvent, SodViolationsState } from './sod-violations.events';

/**
 * The result of an SoD check of the identity's held entitlements under `policyVersion`: every
 * violation, waived or not. Only unwaived ones are current violations; a waived one is resolved
 * (its reason names the exception) and comes back when the exception ends.
 */
export interface RecordSodCheck {
  readonly type: 'RecordSodCheck';
  readonly data: {
    readonly identityId: string;
    readonly employeeNumber: string;
    readonly policyVersion: number;
    readonly violations: readonly SodViolation[];
    /** The SoD rule ids of `policyVersion`, to say why a violation went away. */
    readonly ruleIds: readonly string[];
  };
}

export type SodViolationsCommand = RecordSodCheck;

/** Detected: a rule newly violated, or violated through other entitlements than before. Resolved: no longer violated. */
export function decide(command: SodViolationsCommand, state: SodViolationsState): readonly SodViolationEvent[] {
  const { identityId, employeeNumber, policyVersion, violations, ruleIds } = command.data;
  const unwaived = violations.filter((violation) => violation.exception === null);
  const events: SodViolationEvent[] = [];
  for (const violation of unwaived) {
    const known = state.current[violation.ruleId];
    if (known && fingerprint(known) === fingerprint(violation)) continue;
    events.push({ type: 'SodViolationDetected', data: { identityId, employeeNumber, ruleId: violation.ruleId, policyVersion, violation } });
  }
  const stillViolated = new Set(unwaived.map((violation) => violation.ruleId));
  for (const ruleId of Object.keys(state.current).sort()) {
    if (stillViolated.has(ruleId)) continue;
    const reason = resolution(ruleId, violations, ruleIds, policyVersion);
    events.push({ type: 'SodViolationResolved', data: { identityId, ruleId, policyVersion, reason } });
  }
  return events;
}

function resolution(ruleId: string, violations: readonly SodViolation[], ruleIds: readonly string[], policyVersion: number): string {
  const exception = violations.find((violation) => violation.ruleId === ruleId)?.exception;
  if (exception) return `waived by SoD exception ${exception.exceptionId} until ${exception.validUntil}`;
  if (!ruleIds.includes(ruleId)) return `SoD rule "${ruleId}" is not in policy version ${policyVersion}`;
  return `the conflicting entitlements are no longer held together (policy version ${policyVersion})`;
}

/** What makes two findings of one rule the same violation: the entitlements in conflict, the action and the severity. */
function fingerprint(violation: SodViolation): string {
  return canonicalJson({
    action: violation.action,
    severity: violation.severity,
    conflicting: violation.conflicting
      .map((set) => ({ set: set.setName, entitlements: set.entitlements.map(entitlementKey).sort() }))
      .sort((a, b) => (a.set < b.set ? -1 : a.set > b.set ? 1 : 0)),
  });
}
