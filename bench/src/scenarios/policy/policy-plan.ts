/** How big the policy scenario is. Policy sizes are the issue's; --quick shortens the loops and the simulation. */
export interface PolicyPlan {
  readonly name: 'quick' | 'full';
  readonly birthrightRules: number;
  readonly sodRules: number;
  /** Entitlements in the generated catalog, spread over `applications`. */
  readonly catalog: number;
  readonly applications: number;
  readonly roles: number;
  /** Access policies scoped to one entitlement (besides one per application for most applications, and the default). */
  readonly entitlementPolicies: number;
  /** Assignments of the identity whose requests and SoD checks are timed. */
  readonly heldAssignments: number;
  /** Untimed calls before each timed loop, so the JIT has compiled what it will run. */
  readonly warmupCalls: number;
  /** Timed calls per contender, split into interleaved rounds. */
  readonly timedCalls: number;
  readonly rounds: number;
  /** Identities the draft is simulated over. */
  readonly simulatedIdentities: number;
  /** Share of birthright and SoD rules the draft changes. */
  readonly draftChangeShare: number;
}

const POLICY_SIZE = {
  birthrightRules: 500,
  sodRules: 1000,
  catalog: 3000,
  applications: 60,
  roles: 150,
  entitlementPolicies: 400,
  heldAssignments: 200,
  draftChangeShare: 0.1,
} as const;

export const QUICK_PLAN: PolicyPlan = {
  name: 'quick',
  ...POLICY_SIZE,
  warmupCalls: 2_000,
  timedCalls: 10_000,
  rounds: 5,
  simulatedIdentities: 10_000,
};

export const FULL_PLAN: PolicyPlan = {
  name: 'full',
  ...POLICY_SIZE,
  warmupCalls: 10_000,
  timedCalls: 50_000,
  rounds: 10,
  simulatedIdentities: 100_000,
};

/** The targets: p99 under 1 ms per decision (OPA's own budget), 100,000 identities simulated in under 30 s. */
export const MAX_DECISION_P99_US = 1000;
export const MAX_SIMULATE_100K_S = 30;
