import { entitlementKey, type BirthrightRule, type PolicySet, type SodRule } from '@tenure/policy-decisions';
import { generateCondition, type GeneratedPolicy } from './generate-policy';
import { SeededRandom } from './seeded-random';

export interface GeneratedDraft {
  readonly policy: PolicySet;
  readonly changedBirthrightRules: number;
  readonly changedSodRules: number;
}

/**
 * The same policy with `share` of its birthright and SoD rules edited the way administrators edit
 * them: a new condition, one entitlement swapped for another, a rule switched off or on; an SoD
 * set member swapped, a stricter or looser action.
 */
export function generateDraft(generated: GeneratedPolicy, share: number, seed = 7): GeneratedDraft {
  const random = new SeededRandom(seed);
  const { policy, catalog, birthrightPool } = generated;
  const birthrightToChange = new Set(random.sample(policy.birthrightRules, Math.round(policy.birthrightRules.length * share)));
  const sodToChange = new Set(random.sample(policy.sodRules, Math.round(policy.sodRules.length * share)));

  const editBirthright = (rule: BirthrightRule): BirthrightRule => {
    const roll = random.next();
    if (roll < 0.4) return { ...rule, condition: generateCondition(random) };
    if (roll < 0.8) {
      const replacement = random.pick(catalog);
      const kept = rule.entitlements.filter((ref) => entitlementKey(ref) !== entitlementKey(replacement)).slice(1);
      return { ...rule, entitlements: [...kept, replacement] };
    }
    return { ...rule, enabled: !rule.enabled };
  };

  const editSod = (rule: SodRule): SodRule => {
    if (random.chance(0.3)) return { ...rule, action: rule.action === 'block' ? 'alert' : 'block' };
    const taken = new Set(rule.sets.flatMap((set) => set.entitlements.map(entitlementKey)));
    let replacement = random.pick(birthrightPool);
    while (taken.has(entitlementKey(replacement))) replacement = random.pick(catalog);
    const setIndex = random.int(0, rule.sets.length - 1);
    return {
      ...rule,
      sets: rule.sets.map((set, i) => (i === setIndex ? { ...set, entitlements: [replacement, ...set.entitlements.slice(1)] } : set)),
    };
  };

  return {
    policy: {
      ...policy,
      birthrightRules: policy.birthrightRules.map((rule) => (birthrightToChange.has(rule) ? editBirthright(rule) : rule)),
      sodRules: policy.sodRules.map((rule) => (sodToChange.has(rule) ? editSod(rule) : rule)),
    },
    changedBirthrightRules: birthrightToChange.size,
    changedSodRules: sodToChange.size,
  };
}
