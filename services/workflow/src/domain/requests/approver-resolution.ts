import type { ApprovalStepDecision } from '@tenure/policy-decisions';
import type { PlannedStep } from './access-request.events';

/** What approver resolution needs to know of the organisation, read just before (the directory copy, the catalog, the policy). */
export interface ApproverDirectory {
  /** The person's manager on record; null when none (or unknown). */
  managerOf(employeeNumber: string): string | null;
  readonly entitlementOwner: string | null;
  readonly applicationOwner: string | null;
  /** Members of an approver group of the policy; empty when the group is unknown. */
  groupMembers(groupId: string): readonly string[];
}

export interface RequestParties {
  readonly requesterEmployeeNumber: string;
  readonly subjectEmployeeNumber: string;
}

/**
 * The people who may approve each step of the chain:
 * - manager → the subject's manager; entitlement-owner / application-owner → the catalog's owner;
 *   group → the group's members (`approvals` distinct ones needed).
 * - The requester and the subject never approve: when they are the only ones who could, the step
 *   goes to their manager instead (else to administrators).
 * - Nobody resolvable (no manager on record, no owner, an empty group) → administrators.
 */
export function planApprovalChain(
  chain: readonly ApprovalStepDecision[],
  parties: RequestParties,
  directory: ApproverDirectory,
): PlannedStep[] {
  return chain.map(({ step, description }) => {
    const requiredApprovals = step.kind === 'group' ? step.approvals : 1;
    const candidates = candidatesOf(step, parties, directory);
    const routed = routeAround(candidates, requiredApprovals, excludedParties(parties), directory);
    return {
      kind: step.kind,
      description,
      group: step.kind === 'group' ? step.group : null,
      requiredApprovals,
      approvers: routed,
      toAdministrators: routed.length === 0,
    };
  });
}

function candidatesOf(step: ApprovalStepDecision['step'], parties: RequestParties, directory: ApproverDirectory): string[] {
  switch (step.kind) {
    case 'manager':
      return present([directory.managerOf(parties.subjectEmployeeNumber)]);
    case 'entitlement-owner':
      return present([directory.entitlementOwner]);
    case 'application-owner':
      return present([directory.applicationOwner]);
    case 'group':
      return [...new Set(directory.groupMembers(step.group))];
  }
}

/**
 * The candidates who may approve, enough of them for the step; those who may not (excluded) are
 * replaced by their managers. Empty when there are not enough people: administrators decide.
 */
export function routeAround(
  candidates: readonly string[],
  requiredApprovals: number,
  excluded: ReadonlySet<string>,
  directory: Pick<ApproverDirectory, 'managerOf'>,
): string[] {
  const eligible = candidates.filter((person) => !excluded.has(person));
  if (eligible.length >= requiredApprovals) return eligible;
  const substitutes = candidates
    .filter((person) => excluded.has(person))
    .map((person) => directory.managerOf(person))
    .filter((manager): manager is string => manager !== null && !excluded.has(manager));
  const routed = [...new Set([...eligible, ...substitutes])];
  return routed.length >= requiredApprovals ? routed : [];
}

/**
 * Escalation: a step still pending moves to the managers of its current approvers (those who may
 * approve); none → administrators (an empty list).
 */
export function escalationTargets(
  approvers: readonly string[],
  excluded: ReadonlySet<string>,
  directory: Pick<ApproverDirectory, 'managerOf'>,
): string[] {
  const managers = approvers.map((person) => directory.managerOf(person)).filter((manager): manager is string => manager !== null);
  return [...new Set(managers)].filter((manager) => !excluded.has(manager));
}

export function excludedParties(parties: RequestParties): Set<string> {
  return new Set([parties.requesterEmployeeNumber, parties.subjectEmployeeNumber]);
}

function present(values: readonly (string | null)[]): string[] {
  return values.filter((value): value is string => value !== null && value.trim() !== '');
}
