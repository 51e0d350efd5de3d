import type { ApprovalStep } from '../model/policy-set';
import type { PolicySubject } from '../model/subject';
import type { CompiledPolicy } from './compiled-policy';
import type { ApprovalStepDecision } from './decision-types';

/** Each step of the chain in words, with the people policy knows of (the manager, the group's name). */
export function describeApprovalChain(
  policy: CompiledPolicy,
  chain: readonly ApprovalStep[],
  subject: PolicySubject,
): ApprovalStepDecision[] {
  return chain.map((step) => ({ step, description: describeStep(policy, step, subject) }));
}

function describeStep(policy: CompiledPolicy, step: ApprovalStep, subject: PolicySubject): string {
  switch (step.kind) {
    case 'manager': {
      const manager = subject.managerEmployeeNumber ?? subject.managerChain[0] ?? null;
      return manager === null
        ? "the subject's manager (none on record: an administrator must decide)"
        : `the subject's manager (${manager})`;
    }
    case 'entitlement-owner':
      return "the entitlement's owner";
    case 'application-owner':
      return "the application's owner";
    case 'group': {
      const group = policy.approverGroups.get(step.group);
      const groupName = group ? `${group.name} (group ${group.id})` : `group ${step.group}`;
      return step.approvals === 1 ? `a member of ${groupName}` : `${step.approvals} distinct members of ${groupName}`;
    }
  }
}
