import type { ApprovalStepKind } from '../data/request-decision';

/** A step of an approval chain as the person reads it: "Manager approval needed". */
export function approvalNeeded(kind: ApprovalStepKind, group?: string | null, approvals = 1): string {
  switch (kind) {
    case 'MANAGER':
      return 'Manager approval needed';
    case 'ENTITLEMENT_OWNER':
      return 'Entitlement owner approval needed';
    case 'APPLICATION_OWNER':
      return 'Application owner approval needed';
    case 'GROUP': {
      const name = group ? `the ${group} group` : 'an approver group';
      return approvals > 1 ? `Approval by ${approvals} members of ${name} needed` : `Approval by a member of ${name} needed`;
    }
    default: {
      const unexpected: never = kind;
      return `${String(unexpected)} approval needed`;
    }
  }
}
