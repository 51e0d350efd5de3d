import type { HeldEntitlement, PolicySubject, SodException } from '../model/subject';
import type { CompiledPolicy, CompiledSodRule } from './compiled-policy';
import type { SodCheck, SodViolation } from './decision-types';
import type { Marks } from './entitlement-marks';
import { candidateRules, conflictingSets, markHeld, scratchFor } from './sod-matching';
import { buildViolation, ExceptionLookup, instantOf } from './sod-violation';

/**
 * Every SoD violation in a set of entitlements (detective SoD, or a preventive check of a new
 * combination): a rule is violated when the entitlements hit two or more of its sets. Sorted by
 * rule id; only the rules the held entitlements belong to are looked at.
 */
export function checkSod(
  policy: CompiledPolicy,
  subject: PolicySubject,
  held: readonly HeldEntitlement[],
  exceptions: readonly SodException[],
  now: string,
): SodCheck {
  const lookup = new ExceptionLookup(exceptions, subject.identityId, instantOf(now));
  const scratch = scratchFor(policy);
  markHeld(scratch, held);
  return {
    policyVersion: policy.version,
    identityId: subject.identityId,
    violations: violationsOf(candidateRules(scratch), scratch.held, lookup),
  };
}

/** The violations among `rules` (in their order) for the held marks. */
export function violationsOf(rules: readonly CompiledSodRule[], held: Marks, exceptions: ExceptionLookup): SodViolation[] {
  const violations: SodViolation[] = [];
  for (const rule of rules) {
    const conflicting = conflictingSets(rule, held);
    if (conflicting !== null) violations.push(buildViolation(rule, conflicting, exceptions));
  }
  return violations;
}
