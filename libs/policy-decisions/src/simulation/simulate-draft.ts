import type { CompiledBirthrightRule, CompiledPolicy, CompiledSodRule } from '../decisions/compiled-policy';
import { compareText } from '../decisions/compile-policy';
import type { SimulatedIdentity, SimulatedRuleEffect, SimulationResult } from '../decisions/decision-types';
import { candidateRules, isViolated, markHeld, SodScratch, sodEntitlementId } from '../decisions/sod-matching';
import { ExceptionLookup, instantOf } from '../decisions/sod-violation';
import type { EntitlementKey, EntitlementRef } from '../model/entitlement';
import type { PolicySubject } from '../model/subject';
import { compareEmployeeNumbers } from './employee-number-order';
import { diffPolicies, type ChangedSodStrategy, type PolicyDiff } from './policy-diff';
import type { SimulationInput } from './simulation-input';

/**
 * What publishing `draft` would change, identity by identity (terminated ones skipped):
 * - added: birthright the draft gives and the current version does not; removed: the reverse;
 *   each counted for every rule that produces it (draft rules for added, current rules for removed);
 * - new violations: SoD rules of the draft violated by what the identity would hold (what they hold
 *   now, minus removed, plus added) that the current version does not find violated in what they
 *   hold now, unless a valid exception already waives them (a block rule ignores exceptions).
 *
 * Only what the draft changes is evaluated (see PolicyDiff): the answer is the one a full
 * evaluation of both versions gives (a property test compares them), at a fraction of the cost.
 */
export function simulateDraft(input: SimulationInput): SimulationResult {
  return simulateDraftUsing(input, 'auto');
}

/** The simulation with a chosen way of finding changed SoD rules: not exported from the package, for tests. */
export function simulateDraftUsing(input: SimulationInput, strategy: ChangedSodStrategy): SimulationResult {
  const { current, draft } = input;
  const nowMs = instantOf(input.now);
  const diff = diffPolicies(current, draft, strategy);
  const tally = new RuleTally(current, draft);
  // Own scratch marks: the simulation holds "before" (current numbering) and "after" (draft numbering) at once.
  const before = current ? new SodScratch(current.sodIndex) : null;
  const after = new SodScratch(draft.sodIndex);
  const affected: SimulatedIdentity[] = [];
  let identities = 0;

  for (const subject of input.subjects) {
    if (subject.status === 'terminated') continue;
    identities++;
    const { added, removed } = birthrightChanges(diff, subject);
    for (const change of added) tally.added(change);
    for (const change of removed) tally.removed(change);

    const fresh = newViolations(input, diff, subject, added, removed, before, after);
    const waived = fresh.length > 0 ? new ExceptionLookup(input.exceptionsOf(subject.identityId), subject.identityId, nowMs) : null;
    const newlyViolated = fresh.filter((rule) => rule.rule.action === 'block' || waived!.validFor(rule.rule.id) === null);
    for (const rule of newlyViolated) tally.violated(rule);

    if (added.length > 0 || removed.length > 0 || newlyViolated.length > 0) {
      affected.push({
        identityId: subject.identityId,
        employeeNumber: subject.employeeNumber,
        added: sortedRefs(added),
        removed: sortedRefs(removed),
        newViolations: newlyViolated.map((rule) => rule.rule.id),
      });
    }
  }

  affected.sort((a, b) => compareEmployeeNumbers(a.employeeNumber, b.employeeNumber) || compareText(a.identityId, b.identityId));
  return {
    currentVersion: current?.version ?? null,
    identities,
    added: tally.totalAdded,
    removed: tally.totalRemoved,
    perRule: tally.perRule(),
    newViolations: tally.totalViolations,
    newViolationsPerRule: tally.violationsPerRule(),
    affected,
  };
}

/** One birthright entitlement that changes, with the rules responsible. */
interface BirthrightChange {
  readonly key: EntitlementKey;
  readonly entitlement: EntitlementRef;
  readonly rules: CompiledBirthrightRule[];
}

/**
 * Only rules that differ between the versions can change someone's birthright, and a key they grant
 * or take away only changes when no unchanged rule grants it to this person anyway.
 */
function birthrightChanges(diff: PolicyDiff, subject: PolicySubject): { added: BirthrightChange[]; removed: BirthrightChange[] } {
  const fromCurrent = grantsOf(diff.currentOnlyBirthright, subject);
  const fromDraft = grantsOf(diff.draftOnlyBirthright, subject);
  if (fromCurrent === null && fromDraft === null) return { added: [], removed: [] };
  const keptAnyway = (key: EntitlementKey) => diff.unchangedBirthrightByKey.get(key)?.some((rule) => rule.condition.test(subject)) ?? false;
  const added = [...(fromDraft?.values() ?? [])].filter((change) => !fromCurrent?.has(change.key) && !keptAnyway(change.key));
  const removed = [...(fromCurrent?.values() ?? [])].filter((change) => !fromDraft?.has(change.key) && !keptAnyway(change.key));
  return { added, removed };
}

function grantsOf(rules: readonly CompiledBirthrightRule[], subject: PolicySubject): Map<EntitlementKey, BirthrightChange> | null {
  let grants: Map<EntitlementKey, BirthrightChange> | null = null;
  for (const rule of rules) {
    if (!rule.condition.test(subject)) continue;
    grants ??= new Map();
    for (const grant of rule.grants) {
      const change = grants.get(grant.key);
      if (change === undefined) grants.set(grant.key, { key: grant.key, entitlement: grant.entitlement, rules: [rule] });
      else if (change.rules[change.rules.length - 1] !== rule) change.rules.push(rule);
    }
  }
  return grants;
}

/**
 * Draft rules violated after the change and not violated now. Candidates: the changed SoD rules,
 * and the unchanged rules naming an added entitlement (an unchanged rule without one hits no more
 * sets than it does now). Sorted by rule id.
 */
function newViolations(
  { current, draft, heldOf }: SimulationInput,
  diff: PolicyDiff,
  subject: PolicySubject,
  added: readonly BirthrightChange[],
  removed: readonly BirthrightChange[],
  before: SodScratch | null,
  after: SodScratch,
): CompiledSodRule[] {
  if (diff.changedSod.length === 0 && added.length === 0) return [];
  const held = heldOf(subject.identityId);
  markHeld(after, held);
  for (const change of removed) {
    const id = sodEntitlementId(draft.sodIndex, change.entitlement);
    if (id !== undefined) after.held.unmark(id);
  }
  for (const change of added) {
    const id = sodEntitlementId(draft.sodIndex, change.entitlement);
    if (id !== undefined) after.held.mark(id);
  }

  // A few changed rules: testing each is cheapest. Most of them (a first version): only those naming a held entitlement, through the index.
  const changed = diff.scanChangedSod
    ? diff.changedSod
    : candidateRules(after).filter((rule) => diff.changedSodOrdinals[rule.ordinal] === 1);
  const violatedAfter = changed.filter((rule) => isViolated(rule, after.held));
  if (added.length > 0) {
    const seen = new Set<CompiledSodRule>();
    for (const change of added) {
      const id = sodEntitlementId(draft.sodIndex, change.entitlement);
      if (id === undefined) continue;
      for (const rule of draft.sodIndex.rulesByEntitlement[id]!) {
        if (diff.changedSodOrdinals[rule.ordinal] === 1 || seen.has(rule)) continue;
        seen.add(rule);
        if (isViolated(rule, after.held)) violatedAfter.push(rule);
      }
    }
  }
  if (violatedAfter.length === 0) return [];

  if (before !== null) markHeld(before, held);
  return violatedAfter
    .filter((rule) => {
      const was = current?.sodRules.get(rule.rule.id);
      return was === undefined || before === null || !isViolated(was, before.held);
    })
    .sort((a, b) => a.ordinal - b.ordinal);
}

function sortedRefs(changes: readonly BirthrightChange[]): EntitlementRef[] {
  return [...changes].sort((a, b) => compareText(a.key, b.key)).map((change) => change.entitlement);
}

/** Counts per rule: birthright rules for added/removed, SoD rules for new violations. */
class RuleTally {
  totalAdded = 0;
  totalRemoved = 0;
  totalViolations = 0;
  private readonly effects = new Map<string, { added: number; removed: number }>();
  private readonly violations = new Map<string, number>();
  private readonly birthrightNames = new Map<string, string>();
  private readonly sodNames = new Map<string, string>();

  constructor(current: CompiledPolicy | null, draft: CompiledPolicy) {
    // Draft names win: the administrator reads the simulation of the draft they are editing.
    for (const policy of [current, draft]) {
      if (!policy) continue;
      for (const rule of policy.policy.birthrightRules) this.birthrightNames.set(rule.id, rule.name);
      for (const rule of policy.policy.sodRules) this.sodNames.set(rule.id, rule.name);
    }
  }

  added(change: BirthrightChange): void {
    this.totalAdded++;
    for (const rule of change.rules) this.effectOf(rule.rule.id).added++;
  }

  removed(change: BirthrightChange): void {
    this.totalRemoved++;
    for (const rule of change.rules) this.effectOf(rule.rule.id).removed++;
  }

  violated(rule: CompiledSodRule): void {
    this.totalViolations++;
    this.violations.set(rule.rule.id, (this.violations.get(rule.rule.id) ?? 0) + 1);
  }

  perRule(): SimulatedRuleEffect[] {
    return [...this.effects]
      .sort(([a], [b]) => compareText(a, b))
      .map(([ruleId, effect]) => ({ ruleId, ruleName: this.birthrightNames.get(ruleId) ?? ruleId, ...effect }));
  }

  violationsPerRule(): { ruleId: string; ruleName: string; count: number }[] {
    return [...this.violations]
      .sort(([a], [b]) => compareText(a, b))
      .map(([ruleId, count]) => ({ ruleId, ruleName: this.sodNames.get(ruleId) ?? ruleId, count }));
  }

  private effectOf(ruleId: string): { added: number; removed: number } {
    let effect = this.effects.get(ruleId);
    if (effect === undefined) {
      effect = { added: 0, removed: 0 };
      this.effects.set(ruleId, effect);
    }
    return effect;
  }
}
