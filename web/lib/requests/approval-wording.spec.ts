import { approvalNeeded } from './approval-wording';

describe('approval step wording', () => {
  it.each([
    ['MANAGER', undefined, 1, 'Manager approval needed'],
    ['ENTITLEMENT_OWNER', undefined, 1, 'Entitlement owner approval needed'],
    ['APPLICATION_OWNER', undefined, 1, 'Application owner approval needed'],
    ['GROUP', 'production-approvers', 1, 'Approval by a member of the production-approvers group needed'],
    ['GROUP', 'production-approvers', 2, 'Approval by 2 members of the production-approvers group needed'],
  ] as const)('given a %s step, when it is worded, then it reads as what is needed', (kind, group, approvals, expected) => {
    expect(approvalNeeded(kind, group, approvals)).toBe(expected);
  });
});
