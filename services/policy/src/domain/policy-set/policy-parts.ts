import type { AccessPolicy, ApproverGroup, BirthrightRule, PolicySet, Role, SodRule } from '@tenure/policy-decisions';

/** The five kinds of thing a policy set holds; each is edited one item at a time, by id. */
export interface PolicyPartTypes {
  readonly role: Role;
  readonly birthrightRule: BirthrightRule;
  readonly sodRule: SodRule;
  readonly accessPolicy: AccessPolicy;
  readonly approverGroup: ApproverGroup;
}

export type PolicyPartKind = keyof PolicyPartTypes;

export interface PolicyPart<K extends PolicyPartKind = PolicyPartKind> {
  readonly kind: K;
  /** Where the items live in a PolicySet. */
  readonly collection: keyof PolicySet;
  /** For messages: "role", "birthright rule"... */
  readonly label: string;
  readonly putEvent: string;
  readonly removedEvent: string;
}

export const POLICY_PARTS = [
  { kind: 'role', collection: 'roles', label: 'role', putEvent: 'DraftRolePut', removedEvent: 'DraftRoleRemoved' },
  {
    kind: 'birthrightRule',
    collection: 'birthrightRules',
    label: 'birthright rule',
    putEvent: 'DraftBirthrightRulePut',
    removedEvent: 'DraftBirthrightRuleRemoved',
  },
  { kind: 'sodRule', collection: 'sodRules', label: 'SoD rule', putEvent: 'DraftSodRulePut', removedEvent: 'DraftSodRuleRemoved' },
  {
    kind: 'accessPolicy',
    collection: 'accessPolicies',
    label: 'access policy',
    putEvent: 'DraftAccessPolicyPut',
    removedEvent: 'DraftAccessPolicyRemoved',
  },
  {
    kind: 'approverGroup',
    collection: 'approverGroups',
    label: 'approver group',
    putEvent: 'DraftApproverGroupPut',
    removedEvent: 'DraftApproverGroupRemoved',
  },
] as const satisfies readonly PolicyPart[];

export function policyPart<K extends PolicyPartKind>(kind: K): Extract<(typeof POLICY_PARTS)[number], { kind: K }> {
  return POLICY_PARTS.find((part) => part.kind === kind) as Extract<(typeof POLICY_PARTS)[number], { kind: K }>;
}

function itemsOf<K extends PolicyPartKind>(policy: PolicySet, kind: K): readonly PolicyPartTypes[K][] {
  return policy[policyPart(kind).collection] as unknown as readonly PolicyPartTypes[K][];
}

export function findPart<K extends PolicyPartKind>(policy: PolicySet, kind: K, id: string): PolicyPartTypes[K] | undefined {
  return itemsOf(policy, kind).find((item) => item.id === id);
}

/** Replaces the item with the same id where it is, or appends it: the document keeps the administrator's order. */
export function putPart<K extends PolicyPartKind>(policy: PolicySet, kind: K, item: PolicyPartTypes[K]): PolicySet {
  const items = itemsOf(policy, kind);
  const index = items.findIndex((existing) => existing.id === item.id);
  const next = index < 0 ? [...items, item] : items.map((existing, at) => (at === index ? item : existing));
  return { ...policy, [policyPart(kind).collection]: next };
}

export function removePart(policy: PolicySet, kind: PolicyPartKind, id: string): PolicySet {
  return { ...policy, [policyPart(kind).collection]: itemsOf(policy, kind).filter((item) => item.id !== id) };
}
