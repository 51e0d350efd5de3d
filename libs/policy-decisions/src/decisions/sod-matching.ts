import type { EntitlementRef } from '../model/entitlement';
import type { HeldEntitlement } from '../model/subject';
import type { CompiledPolicy, CompiledSodRule, SodIndex } from './compiled-policy';
import type { SodConflictSet } from './decision-types';
import { Marks } from './entitlement-marks';

/**
 * The core of every SoD decision, shared by the check, the request evaluation and the simulation:
 * what is held (as marks over the policy's entitlement numbers), which rules it can trigger
 * (through the index, never a scan of all rules), and which sets of a rule it hits.
 */

/** Marks for held entitlements and for candidate rules, sized for one policy. */
export class SodScratch {
  readonly held: Marks;
  readonly rules: Marks;

  constructor(readonly index: SodIndex) {
    this.held = new Marks(index.entitlementCount);
    this.rules = new Marks(index.rules.length);
  }
}

// Decisions are synchronous and never nest for one policy, so one scratch per compiled policy is
// safe to reuse; a simulation that needs two at once makes its own.
const scratches = new WeakMap<CompiledPolicy, SodScratch>();

export function scratchFor(policy: CompiledPolicy): SodScratch {
  let scratch = scratches.get(policy);
  if (scratch === undefined) {
    scratch = new SodScratch(policy.sodIndex);
    scratches.set(policy, scratch);
  }
  return scratch;
}

/** The entitlement's number, or undefined when no SoD rule names it (it cannot be part of a violation). */
export function sodEntitlementId(index: SodIndex, entitlement: EntitlementRef): number | undefined {
  return index.entitlementIds.get(entitlement.application)?.get(entitlement.entitlement);
}

/** Marks what is held; order and duplicates of the input do not matter. */
export function markHeld(scratch: SodScratch, held: readonly HeldEntitlement[]): void {
  const { index, held: marks } = scratch;
  marks.clear();
  for (const { entitlement } of held) {
    const id = sodEntitlementId(index, entitlement);
    if (id !== undefined) marks.mark(id);
  }
}

/** The rules at least one held entitlement belongs to, in rule id order, each once. */
export function candidateRules(scratch: SodScratch): CompiledSodRule[] {
  const { index, held, rules: found } = scratch;
  found.clear();
  for (const id of held.marked) {
    if (!held.has(id)) continue;
    for (const rule of index.rulesByEntitlement[id]!) found.mark(rule.ordinal);
  }
  const ordinals = found.marked;
  // Many candidates: one pass over every ordinal beats sorting them; few: sort the few.
  if (ordinals.length * 8 > index.rules.length) return index.rules.filter((rule) => found.has(rule.ordinal));
  return ordinals
    .slice()
    .sort((a, b) => a - b)
    .map((ordinal) => index.rules[ordinal]!);
}

/** True when the held marks hit two or more of the rule's sets. Allocates nothing. */
export function isViolated(rule: CompiledSodRule, held: Marks): boolean {
  let setsHit = 0;
  for (const set of rule.sets) {
    for (const member of set.members) {
      if (held.has(member.id)) {
        if (++setsHit >= 2) return true;
        break;
      }
    }
  }
  return false;
}

/** The sets the held marks hit, each with the held members (sorted by key); null when fewer than two. */
export function conflictingSets(rule: CompiledSodRule, held: Marks): SodConflictSet[] | null {
  if (!isViolated(rule, held)) return null;
  const conflicting: SodConflictSet[] = [];
  for (const set of rule.sets) {
    const entitlements: EntitlementRef[] = [];
    for (const member of set.members) if (held.has(member.id)) entitlements.push(member.entitlement);
    if (entitlements.length > 0) conflicting.push({ setName: set.name, entitlements });
  }
  return conflicting;
}
