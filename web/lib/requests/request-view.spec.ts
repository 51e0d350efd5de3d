import type { AccessRequestRow, ApprovalStepRow, RequestAssignment } from '../data/my-requests';
import { canCancel, canExtend, peopleIn, requestHistory } from './request-view';

const names = new Map([
  ['10010', 'Oliver Berg'],
  ['10007', 'Priya Shah'],
  ['10002', 'Lucas Meyer'],
]);

function step(overrides: Partial<ApprovalStepRow>): ApprovalStepRow {
  return {
    index: 0,
    kind: 'MANAGER',
    description: 'the requester’s manager (10007)',
    approvers: ['10007'],
    toAdministrators: false,
    requiredApprovals: 1,
    approvals: [],
    status: 'WAITING',
    escalatesAt: null,
    escalations: 0,
    openedAt: null,
    decidedAt: null,
    ...overrides,
  };
}

function request(overrides: Partial<AccessRequestRow> = {}): AccessRequestRow {
  return {
    id: 'r-1',
    subjectEmployeeNumber: '10010',
    requesterEmployeeNumber: '10010',
    applicationId: 'aws-production',
    entitlementKey: 'viewer',
    justification: 'INC-42',
    requestedDurationHours: 1,
    grantedDurationHours: null,
    breakGlass: false,
    extendsAssignmentId: null,
    status: 'PENDING',
    decisionReasons: ['Engineering may request production access'],
    policyVersion: 3,
    risk: 'HIGH',
    approvedHow: null,
    approvalReasons: [],
    sodConflicts: [],
    steps: [],
    denial: null,
    assignmentId: null,
    failureReason: null,
    cancellation: null,
    requestedAt: '2026-03-02T09:00:00.000Z',
    decidedAt: null,
    grantedAt: null,
    closedAt: null,
    ...overrides,
  };
}

const activeAssignment: RequestAssignment = { id: 'a-1', status: 'ACTIVE', validUntil: '2026-03-02T11:00:00.000Z', durationMs: 3_600_000 };

describe('request history', () => {
  it('given a request approved by the manager and the owner, when its history is told, then every step, approver and comment appears in order', () => {
    const granted = request({
      status: 'GRANTED',
      grantedDurationHours: 1,
      approvedHow: 'APPROVALS',
      decidedAt: '2026-03-02T09:20:00.000Z',
      grantedAt: '2026-03-02T09:21:00.000Z',
      steps: [
        step({
          status: 'APPROVED',
          openedAt: '2026-03-02T09:00:00.000Z',
          decidedAt: '2026-03-02T09:10:00.000Z',
          approvals: [{ by: { kind: 'PERSON', employeeNumber: '10007' }, comment: 'ok for the incident', at: '2026-03-02T09:10:00.000Z' }],
        }),
        step({
          index: 1,
          kind: 'ENTITLEMENT_OWNER',
          description: 'the entitlement’s owner (10002)',
          approvers: ['10002'],
          status: 'APPROVED',
          openedAt: '2026-03-02T09:10:00.000Z',
          decidedAt: '2026-03-02T09:20:00.000Z',
          approvals: [{ by: { kind: 'PERSON', employeeNumber: '10002' }, comment: '', at: '2026-03-02T09:20:00.000Z' }],
        }),
      ],
    });

    expect(requestHistory(granted, names).map((entry) => [entry.title, entry.details])).toEqual([
      ['Requested by Oliver Berg (10010)', ['Justification: INC-42', 'Duration asked: 1 hour']],
      ['Policy allowed it (version 3)', ['Engineering may request production access']],
      ['Step 1: the requester’s manager (10007) opened', ['Waiting for Priya Shah (10007)']],
      ['Step 1: the requester’s manager (10007): approved by Priya Shah (10007)', ['“ok for the incident”']],
      ['Step 2: the entitlement’s owner (10002) opened', ['Waiting for Lucas Meyer (10002)']],
      ['Step 2: the entitlement’s owner (10002): approved by Lucas Meyer (10002)', []],
      ['Granted for 1 hour', []],
    ]);
  });

  it('given a request refused by policy, when its history is told, then the refusal and its reasons appear', () => {
    const refused = request({
      status: 'REFUSED',
      decisionReasons: ['10042 holds vendor-create', 'SoD rule blocks it'],
      closedAt: '2026-03-02T09:00:00.000Z',
    });

    const history = requestHistory(refused, names);

    expect(history[1]).toEqual({
      at: refused.requestedAt,
      title: 'Refused by policy',
      details: ['10042 holds vendor-create', 'SoD rule blocks it'],
    });
    expect(history.at(-1)?.title).toBe('Closed: refused by policy');
  });

  it('given a request denied on its first step, when the history is told, then who denied it and their comment are shown', () => {
    const denied = request({
      status: 'DENIED',
      steps: [step({ status: 'DENIED', openedAt: '2026-03-02T09:00:00.000Z', decidedAt: '2026-03-02T09:05:00.000Z' })],
      denial: { by: { kind: 'PERSON', employeeNumber: '10007' }, stepIndex: 0, comment: 'Not needed for your role' },
      closedAt: '2026-03-02T09:05:00.000Z',
    });

    expect(
      requestHistory(denied, names)
        .slice(-2)
        .map(({ title, details }) => [title, details]),
    ).toEqual([
      ['Step 1: the requester’s manager (10007): denied by Priya Shah (10007)', ['“Not needed for your role”']],
      ['Closed: denied', []],
    ]);
    expect(peopleIn(denied)).toContain('10007');
  });

  it('given a denied step without a recorded denial, when the history is told, then the step is shown denied without a name', () => {
    const denied = request({
      status: 'DENIED',
      steps: [step({ status: 'DENIED', openedAt: '2026-03-02T09:00:00.000Z', decidedAt: '2026-03-02T09:05:00.000Z' })],
      closedAt: '2026-03-02T09:05:00.000Z',
    });

    expect(requestHistory(denied, names).at(-2)?.title).toBe('Step 1: the requester’s manager (10007): denied');
  });

  it('given a request made by a manager for a report, when its history is told, then it says for whom', () => {
    const forReport = request({ requesterEmployeeNumber: '10007' });

    expect(requestHistory(forReport, names)[0]?.title).toBe('Requested by Priya Shah (10007) for Oliver Berg (10010)');
    expect(peopleIn(forReport)).toEqual(['10007', '10010']);
  });
});

describe('what can be done with a request', () => {
  it('given pending, approved or granted requests, when cancelling is considered, then it is offered; closed ones cannot be', () => {
    expect(canCancel(request({ status: 'PENDING' }), undefined)).toBe(true);
    expect(canCancel(request({ status: 'APPROVED' }), undefined)).toBe(true);
    expect(canCancel(request({ status: 'GRANTED', assignmentId: 'a-1' }), activeAssignment)).toBe(true);
    expect(canCancel(request({ status: 'GRANTED', assignmentId: 'a-1' }), { ...activeAssignment, status: 'REVOKED' })).toBe(false);
    expect(canCancel(request({ status: 'DENIED' }), undefined)).toBe(false);
  });

  it('given granted access for a duration still held, when an extension is considered, then it is offered; without an end it is not', () => {
    const granted = request({ status: 'GRANTED', assignmentId: 'a-1' });

    expect(canExtend(granted, activeAssignment)).toBe(true);
    expect(canExtend(granted, { ...activeAssignment, validUntil: null, durationMs: null })).toBe(false);
    expect(canExtend(granted, { ...activeAssignment, status: 'REVOKED' })).toBe(false);
    expect(canExtend(request({ status: 'PENDING' }), activeAssignment)).toBe(false);
  });
});
