/** What a provisioning benchmark run does: 20 simulated applications answering in 5 ms, as the issue sets it. */
export interface ProvisioningPlan {
  readonly name: 'quick' | 'full';
  readonly applications: number;
  readonly latencyMs: number;
  /** Identities whose assignments (one per application) arrive at once: the throughput phase. */
  readonly burstIdentities: number;
  /** How long assignments arrive at a steady rate (half the measured throughput): the latency phase. */
  readonly steadySeconds: number;
  /** Operations of one application at once, in the engine and in the direct baseline alike. */
  readonly concurrency: number;
  /** Accounts in the reconciled target. */
  readonly reconciliationAccounts: number;
}

export const FULL_PLAN: ProvisioningPlan = {
  name: 'full',
  applications: 20,
  latencyMs: 5,
  burstIdentities: 500,
  steadySeconds: 20,
  concurrency: 4,
  reconciliationAccounts: 100_000,
};

export const QUICK_PLAN: ProvisioningPlan = {
  ...FULL_PLAN,
  name: 'quick',
  burstIdentities: 50,
  steadySeconds: 5,
  reconciliationAccounts: 10_000,
};
