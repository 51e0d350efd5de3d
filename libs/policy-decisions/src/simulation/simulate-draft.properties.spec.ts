import fc from 'fast-check';
import { birthrightFor } from '../decisions/birthright';
import { checkSod } from '../decisions/check-sod';
import type { CompiledPolicy } from '../decisions/compiled-policy';
import type { SimulatedIdentity, SimulationResult } from '../decisions/decision-types';
import type { Condition } from '../model/condition';
import { entitlementKey, type EntitlementRef } from '../model/entitlement';
import type { BirthrightRule, Role, SodRule } from '../model/policy-set';
import type { HeldEntitlement, PolicySubject, SodException } from '../model/subject';
import { compiled, NOW, subject } from '../testing/policy-fixtures';
import { compareEmployeeNumbers } from './employee-number-order';
import type { SimulationInput } from './simulation-input';
import { simulateDraft, simulateDraftUsing } from './simulate-draft';

/**
 * The simulation evaluates only what the draft changes. This is the definition it must agree with:
 * full birthright and full SoD checks of both versions for every identity.
 */
function referenceSimulation(input: SimulationInput): SimulationResult {
  const perRule = new Map<string, { added: number; removed: number }>();
  const perSod = new Map<string, number>();
  const names = new Map<string, string>();
  for (const policy of [input.current, input.draft]) {
    for (const rule of [...(policy?.policy.birthrightRules ?? []), ...(policy?.policy.sodRules ?? [])]) names.set(rule.id, rule.name);
  }
  const effect = (id: string) => perRule.get(id) ?? perRule.set(id, { added: 0, removed: 0 }).get(id)!;
  const grants = (policy: CompiledPolicy | null, person: PolicySubject) =>
    new Map((policy ? birthrightFor(policy, person).entitlements : []).map((e) => [entitlementKey(e.entitlement), e]));
  const affected: SimulatedIdentity[] = [];
  let identities = 0;
  let added = 0;
  let removed = 0;
  let newViolations = 0;
  for (const person of input.subjects) {
    if (person.status === 'terminated') continue;
    identities++;
    const before = grants(input.current, person);
    const after = grants(input.draft, person);
    const addedKeys = [...after.keys()].filter((key) => !before.has(key)).sort();
    const removedKeys = [...before.keys()].filter((key) => !after.has(key)).sort();
    for (const key of addedKeys) for (const id of new Set(after.get(key)!.reasons.map((r) => r.ruleId))) effect(id).added++;
    for (const key of removedKeys) for (const id of new Set(before.get(key)!.reasons.map((r) => r.ruleId))) effect(id).removed++;
    added += addedKeys.length;
    removed += removedKeys.length;

    const held = input.heldOf(person.identityId);
    const heldAfter: HeldEntitlement[] = [
      ...held.filter((h) => !removedKeys.includes(entitlementKey(h.entitlement))),
      ...addedKeys.map((key) => ({ entitlement: after.get(key)!.entitlement })),
    ];
    const violatedBefore = new Set(input.current ? checkSod(input.current, person, held, [], NOW).violations.map((v) => v.ruleId) : []);
    const fresh = checkSod(input.draft, person, heldAfter, input.exceptionsOf(person.identityId), NOW)
      .violations.filter((v) => !violatedBefore.has(v.ruleId) && v.exception === null)
      .map((v) => v.ruleId);
    for (const id of fresh) perSod.set(id, (perSod.get(id) ?? 0) + 1);
    newViolations += fresh.length;
    if (addedKeys.length + removedKeys.length + fresh.length > 0) {
      affected.push({
        identityId: person.identityId,
        employeeNumber: person.employeeNumber,
        added: addedKeys.map((key) => after.get(key)!.entitlement),
        removed: removedKeys.map((key) => before.get(key)!.entitlement),
        newViolations: fresh,
      });
    }
  }
  const byId = <T>(entries: Iterable<[string, T]>) => [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    currentVersion: input.current?.version ?? null,
    identities,
    added,
    removed,
    perRule: byId(perRule).map(([ruleId, counts]) => ({ ruleId, ruleName: names.get(ruleId)!, ...counts })),
    newViolations,
    newViolationsPerRule: byId(perSod).map(([ruleId, count]) => ({ ruleId, ruleName: names.get(ruleId)!, count })),
    affected: affected.sort((a, b) => compareEmployeeNumbers(a.employeeNumber, b.employeeNumber)),
  };
}

// Each rule id has a few versions; the current policy and the draft each pick one (or leave the
// rule out), so drafts keep most rules, change some, add and remove others, and edit roles.
const CATALOG: EntitlementRef[] = ['erp', 'github'].flatMap((application) =>
  ['1', '2', '3', '4'].map((entitlement) => ({ application, entitlement })),
);
const entitlement = fc.constantFrom(...CATALOG);
const refs = fc.uniqueArray(entitlement, { minLength: 1, maxLength: 3, selector: entitlementKey });
const condition: fc.Arbitrary<Condition> = fc.oneof(
  fc.constant<Condition>({ op: 'always' }),
  fc.constantFrom('Engineering', 'Finance').map((value): Condition => ({ op: 'equals', attribute: 'department', value })),
  fc.constant<Condition>({ op: 'prefix', attribute: 'title', value: 'Senior' }),
);
const choice = fc.option(fc.constantFrom(0, 1, 2), { nil: null });
const versions = <T>(arbitrary: fc.Arbitrary<T>) => fc.tuple(arbitrary, arbitrary, arbitrary);
/** Three versions of an item, the one the current policy uses and the one the draft uses (mostly the same: drafts change a few items). */
const item = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc
    .tuple(versions(arbitrary), choice, choice, fc.integer({ min: 0, max: 5 }))
    .map(([all, current, draft, keep]) => [all, current, keep > 0 ? current : draft] as const);

const world = fc.record({
  roles: fc.array(item(refs), { minLength: 2, maxLength: 2 }),
  birthright: fc.array(item(fc.record({ condition, entitlements: refs, viaRole: fc.boolean(), enabled: fc.boolean() })), { maxLength: 6 }),
  sod: fc.array(
    item(
      fc.record({ sets: fc.array(refs, { minLength: 2, maxLength: 3 }), action: fc.constantFrom('block', 'require-exception', 'alert') }),
    ),
    { minLength: 2, maxLength: 6 },
  ),
  people: fc.array(
    fc.record({
      department: fc.constantFrom('Engineering', 'Finance'),
      title: fc.constantFrom('Senior Engineer', 'Engineer'),
      status: fc.constantFrom('active', 'active', 'terminated') as fc.Arbitrary<'active'>,
      held: fc.array(entitlement, { maxLength: 6 }),
      waived: fc.option(fc.integer({ min: 0, max: 7 }), { nil: null }),
    }),
    { maxLength: 5 },
  ),
});

type World = typeof world extends fc.Arbitrary<infer T> ? T : never;

function policies(w: World, pick: 1 | 2): Parameters<typeof compiled>[0] {
  const chosen = <T>(entry: readonly [readonly [T, T, T], number | null, number | null]) => {
    const index = entry[pick];
    return index === null ? null : entry[0][index]!;
  };
  const roles: Role[] = w.roles.flatMap((entry, i) => {
    const version = chosen(entry);
    return version ? [{ id: `role-${i}`, name: `Role ${i}`, description: '', entitlements: version }] : [];
  });
  const birthrightRules: BirthrightRule[] = w.birthright.flatMap((entry, i) => {
    const version = chosen(entry);
    if (!version) return [];
    const role = roles[i % Math.max(roles.length, 1)];
    return [
      {
        id: `b${i}`,
        name: `Birthright ${i}`,
        description: '',
        condition: version.condition,
        roles: version.viaRole && role ? [role.id] : [],
        entitlements: version.entitlements,
        enabled: version.enabled,
      },
    ];
  });
  const sodRules: SodRule[] = w.sod.flatMap((entry, i) => {
    const version = chosen(entry);
    if (!version) return [];
    return [
      {
        id: `s${i}`,
        name: `SoD ${i}`,
        description: '',
        sets: version.sets.map((entitlements, set) => ({ name: `Set ${set}`, entitlements, roles: [] })),
        severity: 'high',
        action: version.action as SodRule['action'],
      },
    ];
  });
  return { roles, birthrightRules, sodRules };
}

describe('simulateDraft against a full evaluation of both versions', () => {
  it('for any current policy, draft, people and holdings, the diff-based simulation gives the same result', () => {
    fc.assert(
      fc.property(world, fc.integer({ min: 0, max: 3 }), (w, version) => {
        const firstVersion = version === 0;
        const people = w.people.map((p, i) =>
          subject({
            identityId: `identity-${i}`,
            employeeNumber: `${100 + i}`,
            department: p.department,
            title: p.title,
            status: p.status,
          }),
        );
        const held = new Map(w.people.map((p, i) => [`identity-${i}`, p.held.map((ref) => ({ entitlement: ref }))]));
        const exceptions = new Map<string, SodException[]>(
          w.people.map((p, i) => [
            `identity-${i}`,
            p.waived === null
              ? []
              : [
                  {
                    exceptionId: 'x',
                    ruleId: `s${p.waived}`,
                    identityId: `identity-${i}`,
                    approvedBy: '1001',
                    reason: '',
                    validUntil: '2031-01-01T00:00:00Z',
                  },
                ],
          ]),
        );
        const input: SimulationInput = {
          current: firstVersion ? null : compiled(policies(w, 1), 1),
          draft: compiled(policies(w, 2), 2),
          subjects: people,
          heldOf: (id) => held.get(id) ?? [],
          exceptionsOf: (id) => exceptions.get(id) ?? [],
          now: NOW,
        };
        const expected = referenceSimulation(input);
        expect(simulateDraft(input)).toEqual(expected);
        // Both ways of finding the changed SoD rules, whichever 'auto' would pick here.
        expect(simulateDraftUsing(input, 'scan')).toEqual(expected);
        expect(simulateDraftUsing(input, 'index')).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
