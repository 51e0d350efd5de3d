import type { AccessRequest, Assignment, RequestDecision } from '../api/types';
import { accessLines } from './format-access';
import { decisionLines } from './format-decision';
import { approvalsLines, requestLines } from './format-requests';
import { table } from './table';
import { formatInstant } from './time';

const NOW = new Date('2026-11-27T08:00:00Z');

const assignment = (overrides: Partial<Assignment>): Assignment => ({
  id: 'a1',
  applicationId: 'aws-staging',
  entitlementKey: 'admin',
  status: 'ACTIVE',
  source: { kind: 'REQUEST', reference: 'r1' },
  validFrom: '2026-11-27T07:00:00Z',
  validUntil: null,
  durationMs: null,
  acknowledgedAt: '2026-11-27T07:00:00Z',
  revokedAt: null,
  revocationReason: null,
  ...overrides,
});

const decision: RequestDecision = {
  allowed: true,
  reasons: ['policy "Default" applies', 'the manager approves'],
  policyVersion: 3,
  policyName: 'Default',
  risk: 'MEDIUM',
  maxDurationHours: 720,
  grantedDurationHours: 4,
  approvalChain: [{ step: { kind: 'MANAGER', group: null, approvals: 1 }, description: 'the requester’s manager (10007)' }],
  autoApproved: false,
  autoApprovalReasons: [],
  breakGlass: false,
  sodConflicts: [],
};

const request: AccessRequest = {
  id: 'req-1',
  subjectEmployeeNumber: '10010',
  requesterEmployeeNumber: '10010',
  applicationId: 'aws-staging',
  entitlementKey: 'admin',
  justification: 'debug the release',
  requestedDurationHours: 4,
  grantedDurationHours: 4,
  status: 'PENDING',
  decisionReasons: [],
  risk: 'MEDIUM',
  approvedHow: null,
  sodConflicts: [],
  steps: [
    {
      index: 0,
      kind: 'MANAGER',
      description: 'the requester’s manager (10007)',
      approvers: ['10007'],
      toAdministrators: false,
      status: 'OPEN',
      approvals: [],
    },
  ],
  denial: null,
  assignmentId: null,
  failureReason: null,
  cancellation: null,
  requestedAt: '2026-11-27T07:30:00Z',
  decidedAt: null,
  grantedAt: null,
  closedAt: null,
};

describe('output for people', () => {
  test('given rows, when tabulated, then columns line up and the last is not padded', () => {
    expect(
      table(
        ['A', 'LONG HEADER'],
        [
          ['xxxx', 'y'],
          ['z', 'w'],
        ],
      ),
    ).toEqual(['A     LONG HEADER', 'xxxx  y', 'z     w']);
  });

  test('given instants before and after now, when written, then they are UTC with how far away', () => {
    expect(formatInstant('2026-11-27T12:00:00Z', NOW)).toBe('2026-11-27 12:00 UTC (in 4h)');
    expect(formatInstant('2026-11-27T07:30:00Z', NOW)).toBe('2026-11-27 07:30 UTC (30m ago)');
  });

  test('given access with and without an end, when listed, then each line says when it ends', () => {
    const lines = accessLines(
      [
        assignment({ validUntil: '2026-11-27T11:00:00Z' }),
        assignment({ id: 'a2', applicationId: 'github', entitlementKey: 'org-member', source: { kind: 'BIRTHRIGHT', reference: 'rule' } }),
        assignment({
          id: 'a3',
          applicationId: 'slack',
          entitlementKey: 'member',
          status: 'PENDING_PROVISIONING',
          durationMs: 7_200_000,
          acknowledgedAt: null,
        }),
      ],
      NOW,
    );
    expect(lines).toEqual([
      'ENTITLEMENT        STATUS         SOURCE      ENDS',
      'aws-staging/admin  active         request     2026-11-27 11:00 UTC (in 3h)',
      'github/org-member  active         birthright  no end',
      'slack/member       being granted  request     2h from when it is granted',
    ]);
  });

  test('given no access, when listed, then it says so', () => {
    expect(accessLines([], NOW)).toEqual(['You hold no access in Tenure.']);
  });

  test('given an allowed decision, when shown, then it names the policy, the approvers, the duration and the SoD check', () => {
    const lines = decisionLines('aws-staging/admin', 4, decision);
    expect(lines[0]).toBe('Policy decision for aws-staging/admin for 4h: allowed');
    expect(lines).toEqual(
      expect.arrayContaining([
        '  policy:        Default (version 3)',
        '  max duration:  30d',
        '  approval 1:    the requester’s manager (10007)',
        '  SoD conflicts: none',
        '    - the manager approves',
      ]),
    );
  });

  test('given a refusal with a blocking SoD conflict, when shown, then it says REFUSED and names the conflict', () => {
    const lines = decisionLines('aws-production/deploy', 2, {
      ...decision,
      allowed: false,
      reasons: ['it would create a blocking conflict'],
      sodConflicts: [
        {
          ruleName: 'Deploy / approve',
          severity: 'CRITICAL',
          action: 'BLOCK',
          blocking: true,
          explanation: 'deploy and approve code change',
        },
      ],
    });
    expect(lines[0]).toBe('Policy decision for aws-production/deploy for 2h: REFUSED');
    expect(lines).toContain('  SoD conflict:  deploy and approve code change (blocks the grant)');
    expect(lines.some((line) => line.includes('approval'))).toBe(false);
  });

  test('given a duration above the maximum, when shown, then the capped grant is named', () => {
    expect(decisionLines('a/b', 10, { ...decision, maxDurationHours: 4, grantedDurationHours: 4 })).toContain(
      '  granted for:   4h (capped by the policy)',
    );
  });

  test('given a pending request, when shown, then its open step names the approver', () => {
    expect(requestLines(request, NOW)).toEqual([
      'Request req-1: aws-staging/admin for 10010',
      '  status:    pending',
      '  duration:  4h',
      '  reason:    debug the release',
      '  requested: 2026-11-27 07:30 UTC (30m ago) by 10010',
      '  step 1:    the requester’s manager (10007): open, waiting for 10007',
    ]);
  });

  test('given a request approved by a step and waiting for the next, when shown, then each step says who approved or who is waited for', () => {
    const lines = requestLines(
      {
        ...request,
        steps: [
          {
            ...request.steps[0]!,
            status: 'APPROVED',
            approvals: [{ by: { kind: 'PERSON', employeeNumber: '10007' }, comment: 'ok', at: '2026-11-27T07:40:00Z' }],
          },
          {
            index: 1,
            kind: 'ENTITLEMENT_OWNER',
            description: 'the entitlement’s owner',
            approvers: [],
            toAdministrators: true,
            status: 'OPEN',
            approvals: [],
          },
          {
            index: 2,
            kind: 'GROUP',
            description: 'a security reviewer',
            approvers: ['10047'],
            toAdministrators: false,
            status: 'WAITING',
            approvals: [],
          },
        ],
      },
      NOW,
    );
    expect(lines.slice(-3)).toEqual([
      '  step 1:    the requester’s manager (10007): approved by 10007 ("ok")',
      '  step 2:    the entitlement’s owner: open, waiting for administrators',
      '  step 3:    a security reviewer: after the step before',
    ]);
  });

  test('given requests waiting for approval, when listed, then each shows who it is for and how to decide', () => {
    const lines = approvalsLines([request], NOW);
    expect(lines[1]).toContain('req-1');
    expect(lines[1]).toContain('10010');
    expect(lines.at(-1)).toContain('tenure approve <id>');
  });
});
