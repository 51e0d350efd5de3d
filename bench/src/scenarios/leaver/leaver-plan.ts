/** What a leaver benchmark run does: 20 simulated applications answering in 5 ms, 30 assignments per identity, as the issue sets it. */
export interface LeaverPlan {
  readonly name: 'quick' | 'full';
  readonly applications: number;
  readonly latencyMs: number;
  /** Operations of one application at once (the connector's default). */
  readonly concurrency: number;
  /** Birthright assignments each identity holds, spread over the applications. */
  readonly assignmentsPerIdentity: number;
  /** Identities terminated one after another while measuring. */
  readonly leavers: number;
  /** One termination every this many ms, whether or not the previous leaver is done. */
  readonly intervalMs: number;
  /** Joiners hired at once while setting up (their grants are waited for before the next batch). */
  readonly hireBatch: number;
  /** Leavers terminated and waited for before measuring (connections open, code paths compiled). */
  readonly warmUpLeavers: number;
}

export const FULL_LEAVER_PLAN: LeaverPlan = {
  name: 'full',
  applications: 20,
  latencyMs: 5,
  concurrency: 4,
  assignmentsPerIdentity: 30,
  leavers: 200,
  intervalMs: 500,
  hireBatch: 25,
  warmUpLeavers: 5,
};

export const QUICK_LEAVER_PLAN: LeaverPlan = { ...FULL_LEAVER_PLAN, name: 'quick', leavers: 50 };

/** `role-0`, `role-1`...: as many entitlements per application as it takes to spread the assignments over them. */
export function entitlementKeysFor(plan: LeaverPlan): string[] {
  return Array.from({ length: Math.ceil(plan.assignmentsPerIdentity / plan.applications) }, (_, n) => `role-${n}`);
}

/** Operations a leaver's termination causes: a revoke per assignment and a disable per application holding an account. */
export function operationsPerLeaver(plan: LeaverPlan): number {
  return plan.assignmentsPerIdentity + Math.min(plan.applications, plan.assignmentsPerIdentity);
}
