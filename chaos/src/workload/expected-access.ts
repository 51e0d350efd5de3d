import type { ChaosTarget } from '../targets/target-state';
import { DEPARTMENTS, type Department, type Person } from './people';

export interface Grant {
  readonly application: string;
  readonly entitlement: string;
}

/** Who gets what by birthright in the run: the policy is written from it, and the final check reads it. */
export interface BirthrightTable {
  readonly everyone: readonly Grant[];
  readonly byDepartment: Readonly<Record<Department, readonly Grant[]>>;
}

/**
 * Everyone: the directory's first group and the SaaS members group. Engineering: the ERP's first
 * role. Finance: the directory's second group. Sales: nothing more, so a move to Sales is all revocation.
 */
export function birthrightTable(targets: { directory: ChaosTarget; erp: ChaosTarget; saas: ChaosTarget }): BirthrightTable {
  const grant = (target: ChaosTarget, index: number): Grant => ({
    application: target.applicationId,
    entitlement: target.birthright[index]!,
  });
  return {
    everyone: [grant(targets.directory, 0), grant(targets.saas, 0)],
    byDepartment: { Engineering: [grant(targets.erp, 0)], Finance: [grant(targets.directory, 1)], Sales: [] },
  };
}

/** The policy `policy:load` publishes for the run: the table as birthright rules, and a manager's approval for requests. */
export function policyFor(table: BirthrightTable): Record<string, unknown> {
  const role = (id: string, grants: readonly Grant[]) => ({
    id,
    name: `Chaos ${id}`,
    description: `Birthright: ${id}`,
    entitlements: grants,
  });
  return {
    roles: [
      role('everyone', table.everyone),
      ...DEPARTMENTS.filter((department) => table.byDepartment[department].length > 0).map((department) =>
        role(department.toLowerCase(), table.byDepartment[department]),
      ),
    ],
    birthrightRules: [
      { id: 'everyone', name: 'Everyone', condition: { op: 'always' }, roles: ['everyone'] },
      ...DEPARTMENTS.filter((department) => table.byDepartment[department].length > 0).map((department) => ({
        id: department.toLowerCase(),
        name: department,
        condition: { op: 'equals', attribute: 'department', value: department },
        roles: [department.toLowerCase()],
      })),
    ],
    sodRules: [],
    accessPolicies: [
      {
        id: 'default',
        name: 'Requests: one hour at most, with the manager’s approval',
        scope: { kind: 'default' },
        requestable: true,
        maxDurationHours: 1,
        approvalChain: [{ kind: 'manager' }],
        risk: 'medium',
      },
    ],
    approverGroups: [],
  };
}

/**
 * The oracle: what a person should hold in a target once the run has settled, from what the harness
 * did, never from what Tenure says. Active people hold their department's birthright (everything
 * requested has expired by then); terminated people hold nothing.
 */
export function expectedMemberships(person: Person, target: ChaosTarget, table: BirthrightTable): readonly string[] {
  if (person.status === 'terminated') return [];
  return [...table.everyone, ...table.byDepartment[person.department]]
    .filter((grant) => grant.application === target.applicationId)
    .map((grant) => grant.entitlement);
}
