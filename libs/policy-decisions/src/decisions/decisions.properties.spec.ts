import fc from 'fast-check';
import type { Condition } from '../model/condition';
import { entitlementKey, type EntitlementRef } from '../model/entitlement';
import type { AccessPolicy, BirthrightRule, SodRule } from '../model/policy-set';
import type { HeldEntitlement, PolicySubject, SodException } from '../model/subject';
import { simulateDraft } from '../simulation/simulate-draft';
import { compiled, NOW, subject } from '../testing/policy-fixtures';
import { birthrightFor } from './birthright';
import { checkSod } from './check-sod';
import type { AccessRequestInput } from './decision-types';
import { evaluateRequest } from './evaluate-request';

// A small world (two applications, eight entitlements, two departments) so that generated rules,
// holdings and requests collide often: conflicts, exceptions and policies for the same scope.
const RUNS = { numRuns: 200 };
const APPLICATIONS = ['erp', 'github'] as const;
const CATALOG: EntitlementRef[] = APPLICATIONS.flatMap((application) =>
  ['1', '2', '3', '4'].map((entitlement) => ({ application, entitlement })),
);

const entitlement = fc.constantFrom(...CATALOG);
const department = fc.constantFrom('Engineering', 'Finance');
const condition: fc.Arbitrary<Condition> = fc.oneof(
  fc.constant<Condition>({ op: 'always' }),
  department.map((value): Condition => ({ op: 'equals', attribute: 'department', value })),
  department.map((value): Condition => ({ op: 'not', condition: { op: 'equals', attribute: 'department', value } })),
  fc.constant<Condition>({ op: 'reportsTo', employeeNumber: '1001' }),
);

const sodRules: fc.Arbitrary<SodRule[]> = fc
  .uniqueArray(
    fc.record({
      id: fc.constantFrom('r1', 'r2', 'r3', 'r4'),
      sets: fc.array(fc.uniqueArray(entitlement, { minLength: 1, maxLength: 3, selector: entitlementKey }), { minLength: 2, maxLength: 3 }),
      action: fc.constantFrom('block', 'require-exception', 'alert') as fc.Arbitrary<SodRule['action']>,
    }),
    { selector: (rule) => rule.id, maxLength: 4 },
  )
  .map((rules) =>
    rules.map(({ id, sets, action }) => ({
      id,
      name: `Rule ${id}`,
      description: '',
      sets: sets.map((entitlements, index) => ({ name: `Set ${index}`, entitlements, roles: [] })),
      severity: 'high',
      action,
    })),
  );

const scope: fc.Arbitrary<AccessPolicy['scope']> = fc.oneof(
  fc.constant<AccessPolicy['scope']>({ kind: 'default' }),
  fc.constantFrom(...APPLICATIONS).map((application): AccessPolicy['scope'] => ({ kind: 'application', application })),
  entitlement.map((ref): AccessPolicy['scope'] => ({ kind: 'entitlement', entitlement: ref })),
);

const accessPolicies: fc.Arbitrary<AccessPolicy[]> = fc
  .array(
    fc.record({
      scope,
      requestable: fc.boolean(),
      requestableBy: fc.option(condition),
      maxDurationHours: fc.option(fc.constantFrom(1, 4, 24)),
      autoApproval: fc.option(
        fc.record({
          maxRisk: fc.constantFrom('low', 'medium', 'high', 'critical') as fc.Arbitrary<'low'>,
          minPeerShare: fc.constantFrom(0, 0.5),
          peerGroup: fc.constant('department' as const),
          maxDurationHours: fc.option(fc.constantFrom(2, 8)),
        }),
      ),
      risk: fc.constantFrom('low', 'medium', 'high') as fc.Arbitrary<'low'>,
      breakGlass: fc.boolean(),
    }),
    { maxLength: 4 },
  )
  .map((policies) =>
    policies.map((fields, index) => ({
      id: `p${index}`,
      name: `Policy ${index}`,
      approvalChain: [{ kind: 'manager' as const }],
      ...fields,
    })),
  );

const person: fc.Arbitrary<PolicySubject> = fc
  .record({
    department,
    status: fc.constantFrom('active', 'active', 'active', 'on-leave', 'pre-hire', 'terminated') as fc.Arbitrary<'active'>,
  })
  .map((fields) => subject(fields));

const heldList: fc.Arbitrary<HeldEntitlement[]> = fc.array(
  entitlement.map((ref) => ({ entitlement: ref })),
  { maxLength: 8 },
);

const exceptions: fc.Arbitrary<SodException[]> = fc.array(
  fc.record({
    exceptionId: fc.constantFrom('x1', 'x2', 'x3'),
    // Mostly valid exceptions for this identity and a few rules: several then compete for one violation.
    ruleId: fc.constantFrom('r1', 'r2'),
    identityId: fc.constantFrom('identity-1002', 'identity-1002', 'identity-2000'),
    approvedBy: fc.constant('1001'),
    reason: fc.constant('test'),
    validUntil: fc.constantFrom('2030-01-01T00:00:00Z', NOW, '2031-01-01T00:00:00Z', '2031-01-01T00:00:00Z', '2032-01-01T00:00:00Z'),
  }),
  { maxLength: 5 },
);

const requestInput: fc.Arbitrary<AccessRequestInput> = fc.record({
  subject: person,
  requesterEmployeeNumber: fc.constantFrom('1002', '1004', '1001', '3000'),
  entitlement,
  durationHours: fc.option(fc.constantFrom(-1, 0, 1, 4, 100)),
  breakGlass: fc.boolean(),
  held: heldList,
  exceptions,
  peers: fc.option(
    fc.record({ peerGroup: fc.constant('department' as const), peers: fc.constantFrom(0, 10), holding: fc.constantFrom(0, 5, 10) }),
  ),
  now: fc.constant(NOW),
});

/** The same list in another order, chosen by the generator so that failures shrink and replay. */
function shuffled<T>(items: readonly T[]): fc.Arbitrary<T[]> {
  return fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
}

describe('decision properties', () => {
  it('for any SoD rules, access policies and holdings, an allowed request never creates a blocking violation involving it', () => {
    fc.assert(
      fc.property(sodRules, accessPolicies, requestInput, (rules, policies, input) => {
        const policy = compiled({ sodRules: rules, accessPolicies: policies });
        const decision = evaluateRequest(policy, input);
        if (!decision.allowed) return;
        const key = entitlementKey(input.entitlement);
        const after = checkSod(policy, input.subject, [...input.held, { entitlement: input.entitlement }], input.exceptions, input.now);
        const blockingWithIt = after.violations.filter(
          (violation) =>
            violation.blocking && violation.conflicting.some((set) => set.entitlements.some((ref) => entitlementKey(ref) === key)),
        );
        expect(blockingWithIt).toEqual([]);
      }),
      RUNS,
    );
  });

  it('for any inputs, the same request gives the same decision, also with holdings and exceptions in another order', () => {
    fc.assert(
      fc.property(
        sodRules,
        accessPolicies,
        requestInput.chain((input) => fc.tuple(fc.constant(input), shuffled(input.held), shuffled(input.exceptions))),
        (rules, policies, [input, reorderedHeld, reorderedExceptions]) => {
          const policy = compiled({ sodRules: rules, accessPolicies: policies });
          const first = evaluateRequest(policy, input);
          expect(evaluateRequest(policy, input)).toEqual(first);
          expect(evaluateRequest(compiled({ sodRules: rules, accessPolicies: policies }), input)).toEqual(first);
          expect(evaluateRequest(policy, { ...input, held: reorderedHeld, exceptions: reorderedExceptions })).toEqual(first);
        },
      ),
      RUNS,
    );
  });

  it('for any holdings, the SoD check does not depend on their order, their duplicates or the order of the rules', () => {
    fc.assert(
      fc.property(
        sodRules.chain((rules) => fc.tuple(fc.constant(rules), shuffled(rules))),
        heldList.chain((held) => fc.tuple(fc.constant(held), shuffled(held))),
        exceptions,
        person,
        ([rules, reorderedRules], [held, reorderedHeld], waivers, who) => {
          const expected = checkSod(compiled({ sodRules: rules }), who, held, waivers, NOW);
          expect(checkSod(compiled({ sodRules: reorderedRules }), who, [...reorderedHeld, ...reorderedHeld], waivers, NOW)).toEqual(
            expected,
          );
        },
      ),
      RUNS,
    );
  });

  const birthrightRules: fc.Arbitrary<BirthrightRule[]> = fc
    .array(
      fc.record({
        condition,
        entitlements: fc.uniqueArray(entitlement, { minLength: 1, maxLength: 3, selector: entitlementKey }),
        enabled: fc.boolean(),
      }),
      {
        maxLength: 8,
      },
    )
    .map((rules) =>
      rules.map((fields, index) => ({ id: `b${index}`, name: `Birthright ${index}`, description: '', roles: [], ...fields })),
    );

  it('for any birthright rules, the birthright is the same whatever the order of the rules', () => {
    fc.assert(
      fc.property(
        birthrightRules.chain((rules) => fc.tuple(fc.constant(rules), shuffled(rules))),
        person,
        ([rules, reordered], who) => {
          const expected = birthrightFor(compiled({ birthrightRules: rules }), who);
          expect(birthrightFor(compiled({ birthrightRules: reordered }), who)).toEqual(expected);
          expect(birthrightFor(compiled({ birthrightRules: rules }), who)).toEqual(expected);
        },
      ),
      RUNS,
    );
  });

  it('for any draft, the simulation does not depend on the order of the identities', () => {
    const people = fc.uniqueArray(
      fc.record({
        number: fc.integer({ min: 1, max: 50 }),
        department,
        status: fc.constantFrom('active', 'terminated') as fc.Arbitrary<'active'>,
      }),
      { selector: (p) => p.number, maxLength: 6 },
    );
    fc.assert(
      fc.property(
        birthrightRules,
        birthrightRules,
        sodRules,
        people.chain((list) => fc.tuple(fc.constant(list), shuffled(list))),
        heldList,
        (currentRules, draftRules, rules, [list, reordered], held) => {
          const toSubject = ({ number, department: dept, status }: (typeof list)[number]) =>
            subject({ identityId: `identity-${number}`, employeeNumber: `${number}`, department: dept, status });
          const run = (order: typeof list) =>
            simulateDraft({
              current: compiled({ birthrightRules: currentRules, sodRules: rules }),
              draft: compiled({ birthrightRules: draftRules, sodRules: rules }),
              subjects: order.map(toSubject),
              heldOf: () => held,
              exceptionsOf: () => [],
              now: NOW,
            });
          expect(run(reordered)).toEqual(run(list));
        },
      ),
      RUNS,
    );
  });
});
