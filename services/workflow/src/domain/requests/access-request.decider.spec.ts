import { deciderSpec } from '@tenure/testing';
import { accessRequestDecider } from './access-request.decider';
import type { AccessRequestEvent } from './access-request.events';
import {
  ADMINISTRATOR,
  allowedDecision,
  approve,
  approvedBy,
  at,
  ESCALATION_MS,
  given,
  granted,
  MANAGER,
  opened,
  person,
  request,
  REQUEST_ID,
  requested,
  step,
  SUBJECT,
  T0,
  T1,
  T2,
} from './access-request.fixtures';

const spec = deciderSpec(accessRequestDecider);

const TWO_STEPS = request({
  chain: [step([MANAGER]), step(['3001', '3002', '3003'], { kind: 'group', group: 'prod', requiredApprovals: 2, description: 'prod' })],
});
const pendingTwoSteps = [requested(TWO_STEPS), opened(0, [MANAGER])];

describe('access request: requesting', () => {
  it('given nothing, when an allowed request needing approval is made, then it is recorded with its decision and the first step opens', () => {
    spec
      .given([])
      .when(request())
      .then([requested(), opened(0, [MANAGER])]);
  });

  it('given a request the policy does not allow, when made, then it is recorded as refused with the reasons', () => {
    const refused = request({ decision: allowedDecision({ allowed: false, reasons: ['1002 already holds aws:prod-admin.'] }) });
    spec
      .given([])
      .when(refused)
      .then([
        requested(refused),
        { type: 'AccessRequestRefused', data: { requestId: REQUEST_ID, reasons: ['1002 already holds aws:prod-admin.'], refusedAt: T0 } },
      ]);
  });

  it('given auto-approval holds, when requested, then it is approved at once with the auto-approval reasons', () => {
    const auto = request({ decision: allowedDecision({ autoApproved: true, autoApprovalReasons: ['Risk low is within the limit.'] }) });
    spec
      .given([])
      .when(auto)
      .then([requested(auto), approvedBy('auto', ['Risk low is within the limit.'], 4, T0)]);
  });

  it('given break-glass allowed, when requested for longer than the break-glass cap, then it is approved at once for the cap', () => {
    const breakGlass = request({ breakGlass: true, breakGlassMaxHours: 2, decision: allowedDecision({ breakGlass: true }) });
    spec
      .given([])
      .when(breakGlass)
      .then([
        requested(breakGlass),
        approvedBy(
          'break-glass',
          ['Break-glass: granted at once for 2 hours (at most 2 for break-glass), reviewed by the owner afterwards.'],
          2,
          T0,
        ),
      ]);
  });

  it('given an empty approval chain, when requested, then no approval is required', () => {
    const noChain = request({ chain: [] });
    spec
      .given([])
      .when(noChain)
      .then([requested(noChain), approvedBy('no-approval-required', ['No approval required by the policy.'], 4, T0)]);
  });

  it('given a first step nobody could be resolved for, when requested, then it opens for administrators and does not escalate', () => {
    const orphan = request({ chain: [step([])] });
    spec
      .given([])
      .when(orphan)
      .then([requested(orphan), opened(0, [])]);
  });

  it('given a blank or too long justification, or a duration that is not positive, when requested, then it is invalid', () => {
    spec
      .given([])
      .when(request({ justification: '  ' }))
      .thenThrows({ code: 'validation' });
    spec
      .given([])
      .when(request({ justification: 'x'.repeat(2_001) }))
      .thenThrows({ code: 'validation' });
    spec
      .given([])
      .when(request({ requestedDurationHours: 0 }))
      .thenThrows({ code: 'validation' });
    spec
      .given([])
      .when(request({ requestedDurationHours: Number.NaN }))
      .thenThrows({ code: 'validation' });
  });

  it('given a request already made, when the same id is requested again, then it is a conflict', () => {
    spec.given([requested()]).when(request()).thenThrows({ code: 'conflict' });
  });
});

describe('access request: approving', () => {
  it('given the single step open, when the manager approves, then the request is approved for the granted duration', () => {
    spec
      .given([requested(), opened(0, [MANAGER])])
      .when(approve(person(MANAGER)))
      .then([given(0, person(MANAGER)), approvedBy('approvals', [], 4)]);
  });

  it('given a request, when the requester or the subject tries to approve, then it is forbidden', () => {
    const forReport = request({ requesterEmployeeNumber: MANAGER, chain: [step(['1000'])] });
    spec
      .given([requested(forReport), opened(0, ['1000'])])
      .when(approve(person(MANAGER)))
      .thenThrows({ code: 'forbidden', message: expect.stringContaining('the requester can never approve') });
    spec
      .given([requested(forReport), opened(0, ['1000'])])
      .when(approve(person(SUBJECT)))
      .thenThrows({ code: 'forbidden', message: expect.stringContaining('for themselves') });
  });

  it('given a step that (wrongly) lists the requester, when they approve, then it is still forbidden', () => {
    spec
      .given([requested(request({ chain: [step([SUBJECT])] })), opened(0, [SUBJECT])])
      .when(approve(person(SUBJECT)))
      .thenThrows({ code: 'forbidden' });
  });

  it('given the step waits for the manager, when someone else approves, then it is forbidden', () => {
    spec
      .given([requested(), opened(0, [MANAGER])])
      .when(approve(person('9999')))
      .thenThrows({ code: 'forbidden' });
  });

  it('given a step for people, when an administrator approves, then it is forbidden; given a step for administrators, then they decide it', () => {
    spec
      .given([requested(), opened(0, [MANAGER])])
      .when(approve(ADMINISTRATOR))
      .thenThrows({ code: 'forbidden' });
    const orphan = request({ chain: [step([])] });
    spec
      .given([requested(orphan), opened(0, [])])
      .when(approve(ADMINISTRATOR))
      .then([given(0, ADMINISTRATOR), approvedBy('approvals', [], 4)]);
  });

  it('given the first of two steps approved, when it completes, then the next step opens for its approvers', () => {
    spec
      .given(pendingTwoSteps)
      .when(approve(person(MANAGER)))
      .then([given(0, person(MANAGER)), opened(1, ['3001', '3002', '3003'], T1)]);
  });

  it('given a group step needing two, when one member approves, then it waits; when the same member approves again, then it is a conflict', () => {
    const groupOpen = [...pendingTwoSteps, given(0, person(MANAGER)), opened(1, ['3001', '3002', '3003'], T1)];
    spec
      .given(groupOpen)
      .when(approve(person('3001'), {}, T2))
      .then([given(1, person('3001'), T2)]);
    spec
      .given([...groupOpen, given(1, person('3001'), T2)])
      .when(approve(person('3001'), {}, T2))
      .thenThrows({ code: 'conflict' });
    spec
      .given([...groupOpen, given(1, person('3001'), T2)])
      .when(approve(person('3003'), {}, T2))
      .then([given(1, person('3003'), T2), approvedBy('approvals', [], 4, T2)]);
  });

  it('given the manager approved the first step and is also in the group, when the group step opens, then it opens without them', () => {
    const overlapping = request({
      chain: [step([MANAGER]), step([MANAGER, '3002'], { kind: 'group', group: 'prod', requiredApprovals: 1 })],
    });
    spec
      .given([requested(overlapping), opened(0, [MANAGER])])
      .when(approve(person(MANAGER)))
      .then([given(0, person(MANAGER)), opened(1, ['3002'], T1)]);
  });

  it('given the next step’s only approver approved an earlier step, when it opens, then it goes to their manager, else to administrators', () => {
    const sameOwner = request({ chain: [step([MANAGER]), step([MANAGER], { kind: 'application-owner' })] });
    spec
      .given([requested(sameOwner), opened(0, [MANAGER])])
      .when(approve(person(MANAGER), { [MANAGER]: '1000' }))
      .then([given(0, person(MANAGER)), opened(1, ['1000'], T1)]);
    spec
      .given([requested(sameOwner), opened(0, [MANAGER])])
      .when(approve(person(MANAGER)))
      .then([given(0, person(MANAGER)), opened(1, [], T1)]);
  });

  it('given someone who approved one step, when they try another step they are listed on, then it is forbidden', () => {
    const listedTwice = request({ chain: [step([MANAGER]), step([MANAGER, '3002'], { kind: 'group', requiredApprovals: 1 })] });
    const forcedOpen: AccessRequestEvent = {
      type: 'ApprovalStepOpened',
      data: { requestId: REQUEST_ID, stepIndex: 1, approvers: [MANAGER, '3002'], toAdministrators: false, escalatesAt: null, openedAt: T1 },
    };
    spec
      .given([requested(listedTwice), opened(0, [MANAGER]), given(0, person(MANAGER)), forcedOpen])
      .when(approve(person(MANAGER), {}, T2))
      .thenThrows({ code: 'forbidden', message: expect.stringContaining('approved another step') });
  });

  it('given an approved request, when someone approves again, then there is nothing to approve', () => {
    spec
      .given([requested(), opened(0, [MANAGER]), given(0, person(MANAGER)), approvedBy('approvals', [], 4)])
      .when(approve(person(MANAGER)))
      .thenThrows({ code: 'illegal_state' });
  });

  it('given no such request, when approved, then it is not found', () => {
    spec
      .given([])
      .when(approve(person(MANAGER)))
      .thenThrows({ code: 'not_found' });
  });
});

describe('access request: denying', () => {
  const deny = (by = person(MANAGER)) => ({ type: 'DenyRequest' as const, data: { by, comment: 'not needed', deniedAt: T1 } });

  it('given the first of two steps open, when the approver denies, then the request ends denied and nothing more is asked', () => {
    spec
      .given(pendingTwoSteps)
      .when(deny())
      .then([
        {
          type: 'AccessRequestDenied',
          data: { requestId: REQUEST_ID, stepIndex: 0, by: person(MANAGER), comment: 'not needed', deniedAt: T1 },
        },
      ]);
    spec
      .given([
        ...pendingTwoSteps,
        { type: 'AccessRequestDenied', data: { requestId: REQUEST_ID, stepIndex: 0, by: person(MANAGER), comment: 'no', deniedAt: T1 } },
      ])
      .when(approve(person('3001')))
      .thenThrows({ code: 'illegal_state' });
  });

  it('given a request, when the subject tries to deny it, then it is forbidden (they cancel instead)', () => {
    spec
      .given(pendingTwoSteps)
      .when(deny(person(SUBJECT)))
      .thenThrows({ code: 'forbidden' });
  });
});

describe('access request: escalation', () => {
  const dueAt = at(T0, ESCALATION_MS);
  const escalate = (managers: Record<string, string | null>, due = dueAt, stepIndex = 0) => ({
    type: 'EscalateApprovalStep' as const,
    data: { stepIndex, dueAt: due, managers, escalationMs: ESCALATION_MS, escalatedAt: dueAt },
  });

  it('given a step still pending at its escalation time, when the timer fires, then it moves to the approvers’ managers and escalates again later', () => {
    spec
      .given([requested(), opened(0, [MANAGER])])
      .when(escalate({ [MANAGER]: '1000' }))
      .then([
        {
          type: 'ApprovalStepEscalated',
          data: {
            requestId: REQUEST_ID,
            stepIndex: 0,
            from: [MANAGER],
            approvers: ['1000'],
            toAdministrators: false,
            escalatesAt: at(dueAt, ESCALATION_MS),
            escalatedAt: dueAt,
          },
        },
      ]);
  });

  it('given the approvers have no manager, when it escalates, then administrators decide it, and it escalates no further', () => {
    const toAdministrators: AccessRequestEvent = {
      type: 'ApprovalStepEscalated',
      data: {
        requestId: REQUEST_ID,
        stepIndex: 0,
        from: [MANAGER],
        approvers: [],
        toAdministrators: true,
        escalatesAt: null,
        escalatedAt: dueAt,
      },
    };
    spec
      .given([requested(), opened(0, [MANAGER])])
      .when(escalate({}))
      .then([toAdministrators]);
    spec
      .given([requested(), opened(0, [MANAGER]), toAdministrators])
      .when(escalate({}, dueAt))
      .then([]);
  });

  it('given the step was decided or escalated already, when an old timer fires, then nothing happens', () => {
    spec
      .given([requested(), opened(0, [MANAGER]), given(0, person(MANAGER)), approvedBy('approvals', [], 4)])
      .when(escalate({ [MANAGER]: '1000' }))
      .then([]);
    spec
      .given([requested(), opened(0, [MANAGER])])
      .when(escalate({ [MANAGER]: '1000' }, T1))
      .then([]);
  });

  it('given an escalation to the manager’s manager, when the new approver approves, then it is approved; the old one no longer may', () => {
    const escalated: AccessRequestEvent = {
      type: 'ApprovalStepEscalated',
      data: {
        requestId: REQUEST_ID,
        stepIndex: 0,
        from: [MANAGER],
        approvers: ['1000'],
        toAdministrators: false,
        escalatesAt: null,
        escalatedAt: T1,
      },
    };
    spec
      .given([requested(), opened(0, [MANAGER]), escalated])
      .when(approve(person('1000'), {}, T2))
      .then([given(0, person('1000'), T2), approvedBy('approvals', [], 4, T2)]);
    spec
      .given([requested(), opened(0, [MANAGER]), escalated])
      .when(approve(person(MANAGER), {}, T2))
      .thenThrows({ code: 'forbidden' });
  });

  it('given the approver’s manager is the subject, when it escalates, then it goes to administrators instead', () => {
    spec
      .given([requested(), opened(0, [MANAGER])])
      .when(escalate({ [MANAGER]: SUBJECT }))
      .then([
        {
          type: 'ApprovalStepEscalated',
          data: {
            requestId: REQUEST_ID,
            stepIndex: 0,
            from: [MANAGER],
            approvers: [],
            toAdministrators: true,
            escalatesAt: null,
            escalatedAt: dueAt,
          },
        },
      ]);
  });
});

describe('access request: an approver leaves', () => {
  const reassign = (replacement: string | null, leaver = MANAGER) => ({
    type: 'ReassignLeaverApprovals' as const,
    data: { leaver, replacement, reassignedAt: T1 },
  });

  it('given a pending step waiting for the leaver, when they leave, then it goes to their manager', () => {
    spec
      .given([requested(), opened(0, [MANAGER])])
      .when(reassign('1000'))
      .then([
        {
          type: 'ApprovalStepReassigned',
          data: {
            requestId: REQUEST_ID,
            stepIndex: 0,
            leaver: MANAGER,
            replacement: '1000',
            approvers: ['1000'],
            toAdministrators: false,
            reassignedAt: T1,
          },
        },
      ]);
  });

  it('given the leaver has no manager, when they leave, then their steps go to administrators; later steps too', () => {
    const bothSteps = request({ chain: [step([MANAGER]), step([MANAGER], { kind: 'entitlement-owner' })] });
    const toAdministrators = (stepIndex: number): AccessRequestEvent => ({
      type: 'ApprovalStepReassigned',
      data: {
        requestId: REQUEST_ID,
        stepIndex,
        leaver: MANAGER,
        replacement: null,
        approvers: [],
        toAdministrators: true,
        reassignedAt: T1,
      },
    });
    spec
      .given([requested(bothSteps), opened(0, [MANAGER])])
      .when(reassign(null))
      .then([toAdministrators(0), toAdministrators(1)]);
  });

  it('given a request the leaver does not approve, or one decided, when they leave, then nothing changes', () => {
    spec
      .given([requested(), opened(0, [MANAGER])])
      .when(reassign('1000', '7777'))
      .then([]);
    spec
      .given([requested(), opened(0, [MANAGER]), given(0, person(MANAGER)), approvedBy('approvals', [], 4)])
      .when(reassign('1000'))
      .then([]);
  });
});

describe('access request: cancelling', () => {
  const cancel = (by = person(SUBJECT), reason: string | null = 'not needed any more') => ({
    type: 'CancelRequest' as const,
    data: { by, reason, cancelledAt: T2 },
  });
  const cancelled = (
    assignmentId: string | null,
    cause: 'requester' | 'subject' | 'leaver' = 'requester',
    by = person(SUBJECT),
  ): AccessRequestEvent => ({
    type: 'AccessRequestCancelled',
    data: {
      requestId: REQUEST_ID,
      identityId: `identity-${SUBJECT}`,
      by,
      cause,
      reason: cause === 'leaver' ? 'leaver' : 'not needed any more',
      assignmentId,
      cancelledAt: T2,
    },
  });

  it('given a pending request, when the requester cancels it, then it is cancelled with nothing to revoke', () => {
    spec
      .given([requested(), opened(0, [MANAGER])])
      .when(cancel())
      .then([cancelled(null)]);
  });

  it('given a granted request, when the requester cancels it, then it is cancelled naming the assignment to revoke', () => {
    spec
      .given([requested(), opened(0, [MANAGER]), given(0, person(MANAGER)), approvedBy('approvals', [], 4), granted('assignment-1')])
      .when(cancel())
      .then([cancelled('assignment-1')]);
  });

  it('given a request for a report, when the subject cancels it, then it is cancelled; when a stranger does, then it is forbidden', () => {
    const forReport = request({ requesterEmployeeNumber: MANAGER, chain: [step(['1000'])] });
    spec
      .given([requested(forReport), opened(0, ['1000'])])
      .when(cancel(person(SUBJECT)))
      .then([cancelled(null, 'subject')]);
    spec
      .given([requested(forReport), opened(0, ['1000'])])
      .when(cancel(person('1000')))
      .thenThrows({ code: 'forbidden' });
  });

  it('given the leaver process, when the subject left, then their pending request is cancelled as leaver', () => {
    const leaver = { kind: 'process' as const, id: 'workflow-request-leaver' };
    spec
      .given([requested(), opened(0, [MANAGER])])
      .when(cancel(leaver, 'leaver'))
      .then([cancelled(null, 'leaver', leaver)]);
  });

  it('given a denied or cancelled request, when cancelled, then it is an illegal state', () => {
    spec
      .given([requested(), opened(0, [MANAGER]), cancelled(null)])
      .when(cancel())
      .thenThrows({ code: 'illegal_state' });
  });
});

describe('access request: fulfilment', () => {
  const approvedRequest = [requested(), opened(0, [MANAGER]), given(0, person(MANAGER)), approvedBy('approvals', [], 4)];
  const grant = { type: 'RecordGrant' as const, data: { assignmentId: 'assignment-1', grantedAt: T2 } };

  it('given an approved request, when the grant is recorded, then access is granted; recorded again, nothing more', () => {
    spec
      .given(approvedRequest)
      .when(grant)
      .then([granted('assignment-1')]);
    spec
      .given([...approvedRequest, granted('assignment-1')])
      .when(grant)
      .then([]);
  });

  it('given a break-glass request, when granted, then the grant says so (the owner’s review follows it)', () => {
    const breakGlass = request({ breakGlass: true, decision: allowedDecision({ breakGlass: true }) });
    spec
      .given([requested(breakGlass), approvedBy('break-glass', ['...'], 4, T0)])
      .when(grant)
      .then([granted('assignment-1', true)]);
  });

  it('given a request cancelled while being fulfilled, when the grant is recorded, then nothing is granted', () => {
    spec
      .given([
        ...approvedRequest,
        {
          type: 'AccessRequestCancelled',
          data: {
            requestId: REQUEST_ID,
            identityId: `identity-${SUBJECT}`,
            by: person(SUBJECT),
            cause: 'subject',
            reason: null,
            assignmentId: null,
            cancelledAt: T2,
          },
        },
      ])
      .when(grant)
      .then([]);
  });

  it('given a pending request, when a grant is recorded, then it is an illegal state', () => {
    spec
      .given([requested(), opened(0, [MANAGER])])
      .when(grant)
      .thenThrows({ code: 'illegal_state' });
  });

  it('given an approved request the assignments refused, when the failure is recorded, then it ends with the reason', () => {
    spec
      .given(approvedRequest)
      .when({ type: 'RecordFulfilmentFailure', data: { reason: 'SoD: blocked', failedAt: T2 } })
      .then([{ type: 'AccessFulfilmentFailed', data: { requestId: REQUEST_ID, reason: 'SoD: blocked', failedAt: T2 } }]);
  });
});

describe('access request: extension', () => {
  it('given an extension request, when approved and granted, then cancelling it is refused: the extension is applied', () => {
    const extension = request({ extensionOf: { requestId: 'request-0', assignmentId: 'assignment-0' } });
    spec
      .given([
        requested(extension),
        opened(0, [MANAGER]),
        given(0, person(MANAGER)),
        approvedBy('approvals', [], 4),
        granted('assignment-0'),
      ])
      .when({ type: 'CancelRequest', data: { by: person(SUBJECT), reason: null, cancelledAt: T2 } })
      .thenThrows({ code: 'illegal_state' });
  });

  it('given an extension request, when made, then it records what it extends and goes through approvals like any request', () => {
    const extension = request({ extensionOf: { requestId: 'request-0', assignmentId: 'assignment-0' } });
    spec
      .given([])
      .when(extension)
      .then([requested(extension), opened(0, [MANAGER])]);
  });
});
