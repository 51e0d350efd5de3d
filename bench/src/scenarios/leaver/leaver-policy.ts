import type { PolicySet } from '@tenure/policy-decisions';

/**
 * Everyone's birthright: `assignments` entitlements, the n-th in application n modulo the number of
 * applications (entitlement `role-<n div applications>`), so every application holds an account and
 * some hold two entitlements. The workflow assigns them at activation, as for any joiner.
 */
export function birthrightForEveryone(applicationIds: readonly string[], assignments: number): PolicySet {
  return {
    roles: [],
    birthrightRules: [
      {
        id: 'bench-everyone',
        name: 'Everyone (bench)',
        description: `${assignments} entitlements over ${applicationIds.length} applications for everyone`,
        condition: { op: 'always' },
        roles: [],
        entitlements: Array.from({ length: assignments }, (_, n) => ({
          application: applicationIds[n % applicationIds.length]!,
          entitlement: `role-${Math.floor(n / applicationIds.length)}`,
        })),
        enabled: true,
      },
    ],
    sodRules: [],
    accessPolicies: [],
    approverGroups: [],
  };
}
