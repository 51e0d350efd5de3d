import type { EntitlementRef, RiskLevel } from '../model/entitlement';
import type { ApprovalStep, PeerGroup, SodAction } from '../model/policy-set';
import type { HeldEntitlement, PolicySubject, SodException } from '../model/subject';

/**
 * Every answer names the policy version it used and carries reasons a person can read: rule
 * names and the attribute values that matched, so the portal can show them and auditors read them.
 */

/** One condition that held, e.g. `department = "Engineering"` or `reports to 1001 (chain 1004 → 1001)`. */
export type MatchExplanation = string;

/** Why an identity should hold an entitlement: one entry per rule (and role) that grants it. */
export interface BirthrightReason {
  readonly ruleId: string;
  readonly ruleName: string;
  /** Set when the rule grants it through a role. */
  readonly roleId: string | null;
  readonly roleName: string | null;
  readonly matched: readonly MatchExplanation[];
}

export interface BirthrightEntitlement {
  readonly entitlement: EntitlementRef;
  readonly reasons: readonly BirthrightReason[];
}

export interface BirthrightDecision {
  readonly policyVersion: number;
  readonly identityId: string;
  /** Sorted by entitlement key. Empty for a terminated identity (nothing is birthright once they left). */
  readonly entitlements: readonly BirthrightEntitlement[];
}

export interface SodConflictSet {
  readonly setName: string;
  /** The entitlements of this set the identity holds (or would hold). */
  readonly entitlements: readonly EntitlementRef[];
}

export interface SodViolation {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly severity: RiskLevel;
  readonly action: SodAction;
  /** Two or more sets, each with the held entitlements that put it in conflict. */
  readonly conflicting: readonly SodConflictSet[];
  /** The valid exception that waives it, if any (a `block` rule ignores exceptions). */
  readonly exception: SodException | null;
  /** True when it stops an assignment: block, or require-exception without a valid exception. */
  readonly blocking: boolean;
  readonly explanation: string;
}

export interface SodCheck {
  readonly policyVersion: number;
  readonly identityId: string;
  readonly violations: readonly SodViolation[];
}

export interface ApprovalStepDecision {
  readonly step: ApprovalStep;
  /** e.g. "the requester's manager (1001)", "2 distinct members of Production approvers". */
  readonly description: string;
}

/** What the caller knows about the subject's peers holding the entitlement (see AutoApproval). */
export interface PeerAdoption {
  readonly peerGroup: PeerGroup;
  readonly peers: number;
  readonly holding: number;
}

export interface RequestDecision {
  readonly policyVersion: number;
  readonly entitlement: EntitlementRef;
  readonly identityId: string;
  readonly allowed: boolean;
  /** Why it is allowed or not, in order. */
  readonly reasons: readonly string[];
  /** The access policy applied; null when none applies (then it is not requestable). */
  readonly policyId: string | null;
  readonly policyName: string | null;
  readonly risk: RiskLevel | null;
  /** Longest grant in hours; null: no limit. */
  readonly maxDurationHours: number | null;
  /** The duration the grant gets: the requested one, capped by the maximum. */
  readonly grantedDurationHours: number | null;
  readonly approvalChain: readonly ApprovalStepDecision[];
  readonly autoApproved: boolean;
  readonly autoApprovalReasons: readonly string[];
  readonly breakGlass: boolean;
  /** Violations the grant would create (or keep) together with the identity's current entitlements. */
  readonly sodConflicts: readonly SodViolation[];
}

export interface AccessRequestInput {
  readonly subject: PolicySubject;
  /** Who asks: the subject, or someone above them in the manager chain. */
  readonly requesterEmployeeNumber: string;
  readonly entitlement: EntitlementRef;
  /** Requested duration in hours; null asks for no end. */
  readonly durationHours: number | null;
  readonly breakGlass: boolean;
  readonly held: readonly HeldEntitlement[];
  readonly exceptions: readonly SodException[];
  /** Needed only when the policy has auto-approval with a peer share above 0. */
  readonly peers: PeerAdoption | null;
  /** ISO instant: exceptions are valid before their validUntil. */
  readonly now: string;
}

/** One birthright rule's effect in a simulation: assignments it would add (draft) or that would go (current). */
export interface SimulatedRuleEffect {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly added: number;
  readonly removed: number;
}

export interface SimulatedIdentity {
  readonly identityId: string;
  readonly employeeNumber: string;
  readonly added: readonly EntitlementRef[];
  readonly removed: readonly EntitlementRef[];
  /** Ids of SoD rules this identity would newly violate. */
  readonly newViolations: readonly string[];
}

/**
 * What publishing a draft would change, compared with the current published version (or with
 * nothing, for a first version), over every identity that is not terminated.
 */
export interface SimulationResult {
  readonly currentVersion: number | null;
  readonly identities: number;
  /** Birthright assignments the draft adds / the current version gives and the draft does not. */
  readonly added: number;
  readonly removed: number;
  /** Per birthright rule (draft rules for added, current rules for removed); an entitlement granted by two rules counts for both. */
  readonly perRule: readonly SimulatedRuleEffect[];
  /** Violations that would exist after the change and do not exist now. */
  readonly newViolations: number;
  readonly newViolationsPerRule: readonly { readonly ruleId: string; readonly ruleName: string; readonly count: number }[];
  /** Every identity with a change or a new violation, sorted by employee number (the caller pages). */
  readonly affected: readonly SimulatedIdentity[];
}
