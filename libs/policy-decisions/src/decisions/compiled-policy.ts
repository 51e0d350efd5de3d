import type { CompiledCondition } from '../conditions/compile-condition';
import type { EntitlementKey, EntitlementRef } from '../model/entitlement';
import type { AccessPolicy, ApproverGroup, BirthrightRule, PolicySet, Role, SodRule } from '../model/policy-set';

/** One entitlement a birthright rule grants, directly (role null) or through one of its roles. */
export interface BirthrightGrant {
  readonly key: EntitlementKey;
  readonly entitlement: EntitlementRef;
  readonly roleId: string | null;
  readonly roleName: string | null;
}

export interface CompiledBirthrightRule {
  readonly rule: BirthrightRule;
  readonly condition: CompiledCondition;
  /** Roles expanded once; an entitlement granted twice the same way is listed once. */
  readonly grants: readonly BirthrightGrant[];
  /** The distinct keys of `grants`, for decisions that do not need the reasons (simulation). */
  readonly keys: readonly EntitlementKey[];
}

export interface CompiledSodMember {
  readonly key: EntitlementKey;
  readonly entitlement: EntitlementRef;
  /** The entitlement's number in the policy's SoD index (see SodIndex). */
  readonly id: number;
}

export interface CompiledSodSet {
  readonly name: string;
  /** Direct entitlements and those of the set's roles, sorted by key (violations list them in that order). */
  readonly members: readonly CompiledSodMember[];
}

export interface CompiledSodRule {
  readonly rule: SodRule;
  /** Position in id order: violations come out sorted by rule id without sorting strings per check. */
  readonly ordinal: number;
  readonly sets: readonly CompiledSodSet[];
}

export interface CompiledAccessPolicy {
  readonly policy: AccessPolicy;
  readonly requestableBy: CompiledCondition | null;
}

/**
 * SoD rules indexed by dense entitlement numbers: a check marks what is held in a typed array and
 * tests membership with one array read, instead of hashing "application:entitlement" strings for
 * every member of every candidate rule. Only entitlements some rule names get a number; anything
 * else cannot be part of a violation.
 */
export interface SodIndex {
  /** Application, then entitlement, to number: looked up without building a key string. */
  readonly entitlementIds: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly entitlementCount: number;
  /** By entitlement number: the rules it belongs to, in id order. */
  readonly rulesByEntitlement: readonly (readonly CompiledSodRule[])[];
  /** By ordinal, i.e. in id order. */
  readonly rules: readonly CompiledSodRule[];
}

/** The access policies by scope: the most specific one wins. */
export interface AccessPolicyIndex {
  readonly byEntitlement: ReadonlyMap<EntitlementKey, CompiledAccessPolicy>;
  readonly byApplication: ReadonlyMap<string, CompiledAccessPolicy>;
  readonly fallback: CompiledAccessPolicy | null;
}

/**
 * A published policy version prepared for fast decisions: conditions compiled to closures, roles
 * expanded, SoD rules indexed by entitlement (a check looks only at the rules an entitlement can
 * trigger), access policies indexed by scope. Built once per version and shared by every decision.
 */
export interface CompiledPolicy {
  readonly version: number;
  readonly policy: PolicySet;
  readonly roles: ReadonlyMap<string, Role>;
  readonly approverGroups: ReadonlyMap<string, ApproverGroup>;
  /** Enabled rules only, in policy order. */
  readonly birthrightRules: readonly CompiledBirthrightRule[];
  readonly sodRules: ReadonlyMap<string, CompiledSodRule>;
  /** Every rule an entitlement belongs to (in any set), sorted by rule id. */
  readonly sodRulesByEntitlement: ReadonlyMap<EntitlementKey, readonly CompiledSodRule[]>;
  readonly sodIndex: SodIndex;
  readonly accessPolicies: AccessPolicyIndex;
}
