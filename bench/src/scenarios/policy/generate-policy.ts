import {
  entitlementKey,
  type AccessPolicy,
  type ApprovalStep,
  type ApproverGroup,
  type BirthrightRule,
  type Condition,
  type EntitlementRef,
  type PolicySet,
  type RiskLevel,
  type Role,
  type SodRule,
} from '@tenure/policy-decisions';
import { COST_CENTERS, DEPARTMENTS, DIVISIONS, EMPLOYMENT_TYPES, employeeNumberOf, LOCATIONS, TITLE_PREFIXES } from './organisation';
import type { PolicyPlan } from './policy-plan';
import { SeededRandom } from './seeded-random';

export interface GeneratedPolicy {
  readonly policy: PolicySet;
  readonly catalog: readonly EntitlementRef[];
  /** Entitlements some birthright rule grants: SoD rules draw a tenth of their members from here, so conflicts involve everyday access too. */
  readonly birthrightPool: readonly EntitlementRef[];
}

/**
 * A policy of the size with a realistic mix: birthright rules on departments, titles,
 * locations, cost centers, divisions, employment types and the hierarchy (some through roles);
 * SoD rules of 2-3 sets of 1-5 entitlements; access policies per entitlement, per application and a
 * default, with conditions, approval chains, auto-approval and break-glass. Valid by
 * validatePolicySet (a test checks it), deterministic for a seed.
 */
export function generatePolicy(plan: PolicyPlan, seed = 20_261_125): GeneratedPolicy {
  const random = new SeededRandom(seed);
  const applications = Array.from({ length: plan.applications }, (_, i) => `app-${i.toString().padStart(2, '0')}`);
  const perApplication = Math.ceil(plan.catalog / plan.applications);
  const catalog: EntitlementRef[] = Array.from({ length: plan.catalog }, (_, i) => ({
    application: applications[Math.floor(i / perApplication)]!,
    entitlement: `perm-${(i % perApplication).toString().padStart(3, '0')}`,
  }));

  const roles = Array.from({ length: plan.roles }, (_, i) => generateRole(random, i, catalog, perApplication));
  const birthrightRules = Array.from({ length: plan.birthrightRules }, (_, i) => generateBirthrightRule(random, i, roles, catalog));
  const birthrightPool = uniqueRefs([
    ...birthrightRules.flatMap((rule) => rule.entitlements),
    ...birthrightRules.flatMap((rule) => rule.roles.flatMap((id) => roles.find((role) => role.id === id)!.entitlements)),
  ]);
  const sodRules = Array.from({ length: plan.sodRules }, (_, i) => generateSodRule(random, i, catalog, birthrightPool));
  const approverGroups = Array.from({ length: 20 }, (_, i) => generateApproverGroup(random, i));
  const accessPolicies = generateAccessPolicies(random, plan, applications, catalog, approverGroups);
  return { policy: { roles, birthrightRules, sodRules, accessPolicies, approverGroups }, catalog, birthrightPool };
}

function generateRole(random: SeededRandom, index: number, catalog: readonly EntitlementRef[], perApplication: number): Role {
  // A role bundles entitlements of one application mostly: "Finance ERP user", "GitHub maintainer".
  const home = (index * perApplication * 7) % catalog.length;
  const homeEntitlements = catalog.slice(home - (home % perApplication), home - (home % perApplication) + perApplication);
  const entitlements = uniqueRefs([...random.sample(homeEntitlements, random.int(2, 4)), ...random.sample(catalog, random.int(0, 1))]);
  return { id: `role-${index}`, name: `Role ${index}`, description: '', entitlements };
}

function generateBirthrightRule(
  random: SeededRandom,
  index: number,
  roles: readonly Role[],
  catalog: readonly EntitlementRef[],
): BirthrightRule {
  const viaRoles = random.chance(0.3);
  return {
    id: `birthright-${index}`,
    name: `Birthright ${index}`,
    description: '',
    condition: generateCondition(random),
    roles: viaRoles ? [random.pick(roles).id] : [],
    entitlements: viaRoles ? [] : uniqueRefs(random.sample(catalog, random.int(1, 2))),
    enabled: random.chance(0.97),
  };
}

/** The mix of conditions administrators write: mostly department-based, some on titles, places and the hierarchy. */
export function generateCondition(random: SeededRandom): Condition {
  const department = (): Condition => ({ op: 'equals', attribute: 'department', value: random.pick(DEPARTMENTS) });
  const roll = random.next();
  if (roll < 0.01) return { op: 'always' };
  if (roll < 0.15) return department();
  if (roll < 0.45)
    return { op: 'all', conditions: [department(), { op: 'prefix', attribute: 'title', value: random.pick(TITLE_PREFIXES) }] };
  if (roll < 0.6)
    return { op: 'all', conditions: [department(), { op: 'in', attribute: 'location', values: random.sample(LOCATIONS, 2) }] };
  if (roll < 0.7) return { op: 'equals', attribute: 'costCenter', value: random.pick(COST_CENTERS) };
  if (roll < 0.82) {
    return {
      op: 'all',
      conditions: [
        department(),
        {
          op: 'any',
          conditions: [
            { op: 'equals', attribute: 'custom.division', value: random.pick(DIVISIONS) },
            { op: 'equals', attribute: 'employmentType', value: random.pick(EMPLOYMENT_TYPES) },
          ],
        },
      ],
    };
  }
  if (roll < 0.9)
    return {
      op: 'all',
      conditions: [{ op: 'not', condition: { op: 'equals', attribute: 'employmentType', value: 'contractor' } }, department()],
    };
  if (roll < 0.95) return { op: 'reportsTo', employeeNumber: employeeNumberOf(random.int(1, 110)) };
  return {
    op: 'all',
    conditions: [
      { op: 'in', attribute: 'department', values: random.sample(DEPARTMENTS, 2) },
      { op: 'exists', attribute: 'custom.division' },
      { op: 'not', condition: { op: 'in', attribute: 'location', values: [random.pick(LOCATIONS)] } },
    ],
  };
}

function generateSodRule(
  random: SeededRandom,
  index: number,
  catalog: readonly EntitlementRef[],
  pool: readonly EntitlementRef[],
): SodRule {
  const sizes = Array.from({ length: random.chance(0.8) ? 2 : 3 }, () => random.int(1, 5));
  const members = distinctMembers(
    random,
    sizes.reduce((sum, size) => sum + size, 0),
    catalog,
    pool,
  );
  let next = 0;
  return {
    id: `sod-${index}`,
    name: `SoD ${index}`,
    description: '',
    sets: sizes.map((size, set) => ({ name: `Duty ${set + 1}`, entitlements: members.slice(next, (next += size)), roles: [] })),
    severity: random.pick<RiskLevel>(['medium', 'high', 'high', 'critical']),
    action: random.pick<SodRule['action']>([
      'block',
      'block',
      'block',
      'block',
      'block',
      'require-exception',
      'require-exception',
      'require-exception',
      'alert',
      'alert',
    ]),
  };
}

/**
 * Distinct entitlements (one in two sets would conflict with itself), a tenth from the birthright
 * pool: SoD rules are mostly about sensitive access, sometimes about everyday access.
 */
export function distinctMembers(
  random: SeededRandom,
  count: number,
  catalog: readonly EntitlementRef[],
  pool: readonly EntitlementRef[],
): EntitlementRef[] {
  const chosen = new Map<string, EntitlementRef>();
  while (chosen.size < count) {
    const ref = random.pick(random.chance(0.1) ? pool : catalog);
    chosen.set(entitlementKey(ref), ref);
  }
  return [...chosen.values()];
}

function generateApproverGroup(random: SeededRandom, index: number): ApproverGroup {
  const members = new Set<string>();
  const size = random.int(3, 6);
  while (members.size < size) members.add(employeeNumberOf(random.int(1, 1110)));
  return { id: `approvers-${index}`, name: `Approvers ${index}`, members: [...members] };
}

function generateAccessPolicies(
  random: SeededRandom,
  plan: PolicyPlan,
  applications: readonly string[],
  catalog: readonly EntitlementRef[],
  groups: readonly ApproverGroup[],
): AccessPolicy[] {
  const base = { requestable: true, requestableBy: null, autoApproval: null, breakGlass: false } as const;
  const fallback: AccessPolicy = {
    ...base,
    id: 'default',
    name: 'Default',
    scope: { kind: 'default' },
    maxDurationHours: 720,
    approvalChain: [{ kind: 'manager' }],
    autoApproval: { maxRisk: 'low', minPeerShare: 0.3, peerGroup: 'department', maxDurationHours: 168 },
    risk: 'low',
  };
  const perApplication = applications
    .filter(() => random.chance(0.75))
    .map((application): AccessPolicy => ({
      ...base,
      id: `application-${application}`,
      name: `Application ${application}`,
      scope: { kind: 'application', application },
      requestableBy: random.chance(0.5) ? { op: 'in', attribute: 'department', values: random.sample(DEPARTMENTS, 4) } : null,
      maxDurationHours: random.pick([24, 72, 168, null]),
      approvalChain: [{ kind: 'manager' }, { kind: 'application-owner' }],
      risk: random.pick<RiskLevel>(['low', 'medium', 'medium', 'high']),
      breakGlass: random.chance(0.1),
    }));
  const perEntitlement = random.sample(catalog, plan.entitlementPolicies).map((entitlement, i): AccessPolicy => {
    const group = random.pick(groups);
    const steps: ApprovalStep[] = [
      { kind: 'manager' },
      { kind: 'entitlement-owner' },
      { kind: 'group', group: group.id, approvals: random.int(1, 2) },
    ];
    return {
      ...base,
      id: `entitlement-${i}`,
      name: `Sensitive ${entitlementKey(entitlement)}`,
      scope: { kind: 'entitlement', entitlement },
      requestableBy: random.chance(0.5)
        ? {
            op: 'all',
            conditions: [
              { op: 'in', attribute: 'department', values: random.sample(DEPARTMENTS, 6) },
              { op: 'not', condition: { op: 'equals', attribute: 'employmentType', value: 'contractor' } },
            ],
          }
        : null,
      maxDurationHours: random.pick([2, 4, 8]),
      approvalChain: steps.slice(0, random.int(1, 3)),
      autoApproval: random.chance(0.2) ? { maxRisk: 'medium', minPeerShare: 0.5, peerGroup: 'department', maxDurationHours: 4 } : null,
      risk: random.pick<RiskLevel>(['medium', 'high', 'high', 'critical']),
      breakGlass: random.chance(0.3),
    };
  });
  return [fallback, ...perApplication, ...perEntitlement];
}

export function uniqueRefs(refs: readonly EntitlementRef[]): EntitlementRef[] {
  return [...new Map(refs.map((ref) => [entitlementKey(ref), ref])).values()];
}
