import { entitlementKey } from '../model/entitlement';
import type { AccessPolicy, ApproverGroup, BirthrightRule, Role, SodRule } from '../model/policy-set';
import type { PolicyProblem } from './policy-problem';
import { COLLECTION_OF, itemProblem, type ItemLocation } from './problem-messages';

/** An item whose shape is right, with where it sits. */
export interface Located<T> {
  readonly value: T;
  readonly location: ItemLocation;
}

export interface ParsedPolicyItems {
  readonly roles: readonly Located<Role>[];
  readonly birthrightRules: readonly Located<BirthrightRule>[];
  readonly sodRules: readonly Located<SodRule>[];
  readonly accessPolicies: readonly Located<AccessPolicy>[];
  readonly approverGroups: readonly Located<ApproverGroup>[];
  /**
   * Every item's location, the broken ones too: ids are compared over all items, and a reference to
   * a broken role is not reported as unknown (its own problem is already there).
   */
  readonly everyItem: readonly ItemLocation[];
}

/** The checks that need the whole set: unique ids, references, one access policy per scope. */
export function checkPolicySet(items: ParsedPolicyItems): PolicyProblem[] {
  const roleIds = idsOf(items.everyItem, 'role');
  const groupIds = idsOf(items.everyItem, 'approverGroup');
  const validRoles = new Map(items.roles.map(({ value }) => [value.id, value]));
  const validGroups = new Map(items.approverGroups.map(({ value }) => [value.id, value]));
  return [
    ...uniqueIds(items.everyItem),
    ...items.birthrightRules.flatMap((rule) => birthrightReferences(rule, roleIds)),
    ...items.sodRules.flatMap((rule) => sodReferences(rule, roleIds, validRoles)),
    ...items.accessPolicies.flatMap((policy) => approverGroupReferences(policy, groupIds, validGroups)),
    ...uniqueScopes(items.accessPolicies),
  ];
}

function idsOf(locations: readonly ItemLocation[], kind: ItemLocation['kind']): Set<string> {
  return new Set(locations.filter((location) => location.kind === kind && location.id !== null).map((location) => location.id!));
}

function uniqueIds(locations: readonly ItemLocation[]): PolicyProblem[] {
  const firstIndex = new Map<string, number>();
  const problems: PolicyProblem[] = [];
  for (const location of locations) {
    if (location.id === null) continue;
    const key = `${location.kind}\u0000${location.id}`;
    const first = firstIndex.get(key);
    if (first === undefined) firstIndex.set(key, location.index!);
    else {
      const collection = COLLECTION_OF[location.kind];
      problems.push(
        itemProblem(
          location,
          ['id'],
          `${JSON.stringify(location.id)} is also the id of ${collection}[${first}]; ids must be unique in ${collection}`,
        ),
      );
    }
  }
  return problems;
}

function birthrightReferences({ value, location }: Located<BirthrightRule>, roleIds: ReadonlySet<string>): PolicyProblem[] {
  return value.roles.flatMap((roleId, index) => (roleIds.has(roleId) ? [] : [unknownRole(location, ['roles', index], roleId)]));
}

function unknownRole(location: ItemLocation, field: (string | number)[], roleId: string): PolicyProblem {
  return itemProblem(location, field, `names role ${JSON.stringify(roleId)}, which does not exist`);
}

/**
 * SoD sets may name roles: every role must exist, each set must end up with at least one
 * entitlement, and no entitlement may sit in two sets (holding it alone would be a violation).
 * Overlaps of directly listed entitlements are reported by the item check already.
 */
function sodReferences(
  { value, location }: Located<SodRule>,
  roleIds: ReadonlySet<string>,
  validRoles: ReadonlyMap<string, Role>,
): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const firstSetOf = new Map<string, { set: number; throughRole: string | null }>();
  value.sets.forEach((set, setIndex) => {
    let entitlements = set.entitlements.length;
    let unresolved = false;
    const members: { key: string; throughRole: string | null }[] = set.entitlements.map((ref) => ({
      key: entitlementKey(ref),
      throughRole: null,
    }));
    set.roles.forEach((roleId, roleIndex) => {
      if (!roleIds.has(roleId)) problems.push(unknownRole(location, ['sets', setIndex, 'roles', roleIndex], roleId));
      const role = validRoles.get(roleId);
      if (role === undefined) {
        unresolved = true;
        return;
      }
      entitlements += role.entitlements.length;
      for (const ref of role.entitlements) members.push({ key: entitlementKey(ref), throughRole: roleId });
    });
    if (entitlements === 0 && !unresolved && set.roles.length > 0) {
      problems.push(
        itemProblem(
          location,
          ['sets', setIndex],
          `has no entitlement: its roles (${set.roles.join(', ')}) hold none, so the set can never conflict`,
        ),
      );
    }
    for (const member of members) {
      const first = firstSetOf.get(member.key);
      if (first === undefined) {
        firstSetOf.set(member.key, { set: setIndex, throughRole: member.throughRole });
      } else if (first.set !== setIndex && (first.throughRole !== null || member.throughRole !== null)) {
        const how = member.throughRole === null ? '' : ` (through role ${JSON.stringify(member.throughRole)})`;
        problems.push(
          itemProblem(
            location,
            ['sets', setIndex],
            `contains ${member.key}${how}, which sets[${first.set}] contains too: holding it alone would violate the rule`,
          ),
        );
      }
    }
  });
  return problems;
}

function approverGroupReferences(
  { value, location }: Located<AccessPolicy>,
  groupIds: ReadonlySet<string>,
  validGroups: ReadonlyMap<string, ApproverGroup>,
): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  value.approvalChain.forEach((step, index) => {
    if (step.kind !== 'group') return;
    if (!groupIds.has(step.group)) {
      problems.push(
        itemProblem(
          location,
          ['approvalChain', index, 'group'],
          `names approver group ${JSON.stringify(step.group)}, which does not exist`,
        ),
      );
      return;
    }
    const group = validGroups.get(step.group);
    if (group === undefined) return; // broken group: its own problems say why
    const size = new Set(group.members).size;
    if (step.approvals > size) {
      problems.push(
        itemProblem(
          location,
          ['approvalChain', index, 'approvals'],
          `asks for ${step.approvals} distinct approvers but approver group ${JSON.stringify(group.id)} has only ${size} member${size === 1 ? '' : 's'}`,
        ),
      );
    }
  });
  return problems;
}

/** The most specific policy decides; two policies for the same scope would make that ambiguous. */
function uniqueScopes(policies: readonly Located<AccessPolicy>[]): PolicyProblem[] {
  const owners = new Map<string, string>();
  const problems: PolicyProblem[] = [];
  for (const { value, location } of policies) {
    const { scopeKey, what } = describeScope(value);
    const owner = owners.get(scopeKey);
    if (owner === undefined) owners.set(scopeKey, value.id);
    else
      problems.push(
        itemProblem(location, ['scope'], `${what} is already covered by access policy ${JSON.stringify(owner)}; keep one policy per scope`),
      );
  }
  return problems;
}

function describeScope(policy: AccessPolicy): { scopeKey: string; what: string } {
  switch (policy.scope.kind) {
    case 'default':
      return { scopeKey: 'default', what: 'the default scope' };
    case 'application':
      return { scopeKey: `application\u0000${policy.scope.application}`, what: `application ${JSON.stringify(policy.scope.application)}` };
    case 'entitlement': {
      const key = entitlementKey(policy.scope.entitlement);
      return { scopeKey: `entitlement\u0000${key}`, what: `entitlement ${key}` };
    }
  }
}
