import { entitlementKey } from '../model/entitlement';
import type { SodException } from '../model/subject';
import type { CompiledSodRule } from './compiled-policy';
import type { SodConflictSet, SodViolation } from './decision-types';

/** An ISO instant as epoch milliseconds; a malformed `now` is a programming error, not a policy outcome. */
export function instantOf(now: string): number {
  const ms = Date.parse(now);
  if (Number.isNaN(ms)) throw new RangeError(`now ${JSON.stringify(now)} is not an ISO instant`);
  return ms;
}

/**
 * The valid exceptions of one identity by rule, read once per decision: each `validUntil` is parsed
 * once, not once per violation. With several for a rule, the one valid longest wins (then the
 * smallest id), so the answer does not depend on the order exceptions are listed in.
 */
export class ExceptionLookup {
  private byRule: Map<string, { exception: SodException; until: number }> | null = null;

  constructor(
    private readonly exceptions: readonly SodException[],
    private readonly identityId: string,
    private readonly nowMs: number,
  ) {}

  /** The exception that waives `ruleId` now: same rule, same identity, validUntil after now. */
  validFor(ruleId: string): SodException | null {
    this.byRule ??= this.index();
    return this.byRule.get(ruleId)?.exception ?? null;
  }

  private index(): Map<string, { exception: SodException; until: number }> {
    const byRule = new Map<string, { exception: SodException; until: number }>();
    for (const exception of this.exceptions) {
      if (exception.identityId !== this.identityId) continue;
      const until = Date.parse(exception.validUntil);
      if (!(until > this.nowMs)) continue;
      const best = byRule.get(exception.ruleId);
      if (best === undefined || until > best.until || (until === best.until && exception.exceptionId < best.exception.exceptionId)) {
        byRule.set(exception.ruleId, { exception, until });
      }
    }
    return byRule;
  }
}

/** A violation of `rule` with its exception (if any), whether it blocks, and a sentence saying so. */
export function buildViolation(rule: CompiledSodRule, conflicting: readonly SodConflictSet[], exceptions: ExceptionLookup): SodViolation {
  const { id, name, severity, action } = rule.rule;
  // A block rule cannot be waived: its exceptions are not even looked at.
  const exception = action === 'block' ? null : exceptions.validFor(id);
  const blocking = action === 'block' || (action === 'require-exception' && exception === null);
  return {
    ruleId: id,
    ruleName: name,
    severity,
    action,
    conflicting,
    exception,
    blocking,
    explanation: `SoD rule ${JSON.stringify(name)} (${id}, severity ${severity}) forbids holding ${describeSets(conflicting)} together: ${outcome(action, exception)}`,
  };
}

/** 'Create vendors (erp:vendor-create) and Approve payments (erp:payment-approve, erp:payment-release)'. */
function describeSets(conflicting: readonly SodConflictSet[]): string {
  const parts = conflicting.map((set) => `${set.setName} (${set.entitlements.map(entitlementKey).join(', ')})`);
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function outcome(action: CompiledSodRule['rule']['action'], exception: SodException | null): string {
  const waiver = exception
    ? `waived by exception ${exception.exceptionId} (approved by ${exception.approvedBy}) until ${exception.validUntil}`
    : null;
  switch (action) {
    case 'block':
      return 'blocked (no exception can waive it)';
    case 'require-exception':
      return waiver ?? 'blocked: needs an approved exception, and this identity has no valid one';
    case 'alert':
      return waiver ?? 'allowed, reported as an alert';
  }
}
