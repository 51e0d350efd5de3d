import type { Condition } from './condition';
import type { EntitlementRef, RiskLevel } from './entitlement';

/**
 * The whole policy, as administrators edit it (a draft) and as it is published (an immutable
 * version). Plain, JSON-serialisable data; ids are chosen by administrators (slugs such as
 * "engineering-baseline") and are unique per kind.
 */
export interface PolicySet {
  readonly roles: readonly Role[];
  readonly birthrightRules: readonly BirthrightRule[];
  readonly sodRules: readonly SodRule[];
  readonly accessPolicies: readonly AccessPolicy[];
  readonly approverGroups: readonly ApproverGroup[];
}

export const EMPTY_POLICY_SET: PolicySet = { roles: [], birthrightRules: [], sodRules: [], accessPolicies: [], approverGroups: [] };

/** A named bundle of entitlements. */
export interface Role {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly entitlements: readonly EntitlementRef[];
}

/** Everyone matching `condition` should hold these roles' entitlements and these entitlements. */
export interface BirthrightRule {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly condition: Condition;
  readonly roles: readonly string[];
  readonly entitlements: readonly EntitlementRef[];
  /** A disabled rule stays in the policy but grants nothing. */
  readonly enabled: boolean;
}

export const SOD_ACTIONS = ['block', 'require-exception', 'alert'] as const;
/**
 * block: never granted together (an exception does not help); require-exception: granted together
 * only with an approved, unexpired exception for that identity; alert: allowed, reported as a violation.
 */
export type SodAction = (typeof SOD_ACTIONS)[number];

export interface SodEntitlementSet {
  readonly name: string;
  /** Entitlements, and roles whose entitlements count as members of the set. */
  readonly entitlements: readonly EntitlementRef[];
  readonly roles: readonly string[];
}

/** Holding entitlements from two or more of `sets` at once is a violation. */
export interface SodRule {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly sets: readonly SodEntitlementSet[];
  readonly severity: RiskLevel;
  readonly action: SodAction;
}

/** A named set of approvers (employee numbers). */
export interface ApproverGroup {
  readonly id: string;
  readonly name: string;
  readonly members: readonly string[];
}

export type ApprovalStep =
  | { readonly kind: 'manager' }
  | { readonly kind: 'entitlement-owner' }
  | { readonly kind: 'application-owner' }
  /** `approvals` distinct members of the group (1 unless more are required). */
  | { readonly kind: 'group'; readonly group: string; readonly approvals: number };

export type AccessPolicyScope =
  | { readonly kind: 'entitlement'; readonly entitlement: EntitlementRef }
  | { readonly kind: 'application'; readonly application: string }
  | { readonly kind: 'default' };

export const PEER_GROUPS = ['department', 'manager', 'title'] as const;
export type PeerGroup = (typeof PEER_GROUPS)[number];

/** A request is approved without people when all of these hold. */
export interface AutoApproval {
  /** The entitlement's risk must be at most this. */
  readonly maxRisk: RiskLevel;
  /** At least this share (0..1) of the requester's peers already hold the entitlement; 0 ignores peers. */
  readonly minPeerShare: number;
  readonly peerGroup: PeerGroup;
  /** Requests for at most this many hours; null: any duration up to the maximum. */
  readonly maxDurationHours: number | null;
}

/**
 * How an entitlement can be requested. The most specific policy applies: the entitlement's own,
 * else its application's, else the default one; without any, nothing is requestable.
 */
export interface AccessPolicy {
  readonly id: string;
  readonly name: string;
  readonly scope: AccessPolicyScope;
  readonly requestable: boolean;
  /** Who may hold it through a request (tested on the person the access is for); null: anyone active. */
  readonly requestableBy: Condition | null;
  /** Longest grant in hours; null: no limit (permanent until revoked). */
  readonly maxDurationHours: number | null;
  /** Ordered; every step is required. Empty: no approval (only with auto-approval or break-glass in mind). */
  readonly approvalChain: readonly ApprovalStep[];
  readonly autoApproval: AutoApproval | null;
  readonly risk: RiskLevel;
  /** Emergency access granted at once and reviewed afterwards. */
  readonly breakGlass: boolean;
}
