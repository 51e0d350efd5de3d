import { chooseChannels, planNotifications } from './notification-planner';
import type { Notification } from './notification';
import type { RequestSummary } from './notification-triggers';

const REQUEST: RequestSummary = {
  requestId: 'r-1',
  requesterEmployeeNumber: '1002',
  subjectEmployeeNumber: '1002',
  applicationId: 'aws',
  entitlementKey: 'prod-admin',
  justification: 'incident 42',
};
const HOUR = 3_600_000;

const recipientsOf = (plan: ReturnType<typeof planNotifications>) =>
  plan.kind === 'notify' ? plan.notifications.map((n) => [n.notificationId, n.recipientEmployeeNumber]) : plan.reason;

describe('notification planner (the process manager’s decision)', () => {
  it('given an opened step, when planned, then each approver once, with an id naming request, step and approver', () => {
    const plan = planNotifications({
      type: 'approval-step-opened',
      request: REQUEST,
      stepIndex: 1,
      approvers: ['3001', '3002', '3001'],
      toAdministrators: false,
    });
    expect(recipientsOf(plan)).toEqual([
      ['approval-waiting:r-1:1:3001', '3001'],
      ['approval-waiting:r-1:1:3002', '3002'],
    ]);
  });

  it('given a step for administrators only, when planned, then it is ignored with the reason', () => {
    const plan = planNotifications({ type: 'approval-step-opened', request: REQUEST, stepIndex: 0, approvers: [], toAdministrators: true });
    expect(plan).toEqual({ kind: 'ignored', reason: expect.stringContaining('administrators') });
  });

  it('given a request made for a report and denied by an approver, then requester and subject are told, not the approver', () => {
    const plan = planNotifications({
      type: 'request-decided',
      request: { ...REQUEST, requesterEmployeeNumber: '1001' },
      outcome: 'denied',
      byEmployeeNumber: '3001',
      comment: 'no',
    });
    expect(recipientsOf(plan)).toEqual([
      ['request-decided:r-1:denied:1001', '1001'],
      ['request-decided:r-1:denied:1002', '1002'],
    ]);
  });

  it('given requesters cancelling their own request for themselves, then nobody is told', () => {
    const plan = planNotifications({
      type: 'request-decided',
      request: REQUEST,
      outcome: 'cancelled',
      byEmployeeNumber: '1002',
      comment: null,
    });
    expect(plan.kind).toBe('ignored');
  });

  it('given a campaign with items for two reviewers and administrators, then each person reviewer once', () => {
    const plan = planNotifications({
      type: 'review-campaign-started',
      campaignId: 'c-1',
      campaignName: 'Q2',
      deadline: '2026-06-15T00:00:00.000Z',
      reviewers: [
        { kind: 'person', employeeNumber: '1001' },
        { kind: 'administrators' },
        { kind: 'person', employeeNumber: '1001' },
        { kind: 'person', employeeNumber: '2001' },
      ],
    });
    expect(recipientsOf(plan)).toEqual([
      ['review-items-waiting:c-1:1001', '1001'],
      ['review-items-waiting:c-1:2001', '2001'],
    ]);
  });

  it('given a reminder, then people with pending items are told, per reminder time', () => {
    const plan = planNotifications({
      type: 'review-reminders-sent',
      campaignId: 'c-1',
      campaignName: 'Q2',
      deadline: '2026-06-15T00:00:00.000Z',
      dueAt: '2026-06-02T08:00:00.000Z',
      reviewers: [
        { reviewer: { kind: 'person', employeeNumber: '1001' }, pending: 2 },
        { reviewer: { kind: 'person', employeeNumber: '2001' }, pending: 0 },
        { reviewer: { kind: 'administrators' }, pending: 4 },
      ],
    });
    expect(recipientsOf(plan)).toEqual([['review-items-due:c-1:2026-06-02T08:00:00.000Z:1001', '1001']]);
  });

  it('given a manual task and a completed leaver run, then the owner and the manager', () => {
    expect(
      recipientsOf(
        planNotifications({ type: 'manual-task-opened', taskId: 't-1', applicationId: 'payroll', ownerEmployeeNumber: '4001', dueAt: 'x' }),
      ),
    ).toEqual([['manual-task-assigned:t-1:4001', '4001']]);
    const leaver = {
      type: 'leaver-run-completed',
      runId: 'e-9',
      leaverEmployeeNumber: '1003',
      status: 'completed',
      completedAt: 'x',
    } as const;
    expect(recipientsOf(planNotifications({ ...leaver, managerEmployeeNumber: '1001' }))).toEqual([['leaver-completed:e-9:1001', '1001']]);
    expect(planNotifications({ ...leaver, managerEmployeeNumber: null }).kind).toBe('ignored');
  });

  it('given a grant longer than the lead, then its holder is warned; shorter, then not (the grant message said when it ends)', () => {
    const expiring = {
      type: 'access-expiring',
      assignmentId: 'a-1',
      holderEmployeeNumber: '1002',
      applicationId: 'aws',
      entitlementKey: 'prod-admin',
      validUntil: '2026-06-04T08:00:00.000Z',
      warningLeadMs: 24 * HOUR,
    } as const;
    expect(recipientsOf(planNotifications({ ...expiring, grantedAt: '2026-06-01T08:00:00.000Z' }))).toEqual([
      ['access-expiring:a-1:2026-06-04T08:00:00.000Z:1002', '1002'],
    ]);
    expect(planNotifications({ ...expiring, grantedAt: '2026-06-04T00:00:00.000Z' })).toEqual({
      kind: 'ignored',
      reason: expect.any(String),
    });
  });

  it('given a grant that expired and was removed, then its holder is told once, under their "access expiring" switch', () => {
    const plan = planNotifications({
      type: 'access-expired',
      assignmentId: 'a-1',
      holderEmployeeNumber: '1002',
      applicationId: 'aws',
      entitlementKey: 'prod-admin',
      removedAt: '2026-06-04T08:00:05.000Z',
    });
    expect(recipientsOf(plan)).toEqual([['access-expired:a-1:1002', '1002']]);
    expect(plan).toMatchObject({ notifications: [{ kind: 'access-expiring', content: { kind: 'access-expired' } }] });
  });

  it('given preferences, when channels are chosen, then configured channels minus those turned off', () => {
    const notification = { kind: 'approval-waiting' } as Notification;
    expect(chooseChannels(notification, ['email', 'slack'], { status: 'defaults' })).toEqual({ send: ['email', 'slack'], optedOut: [] });
    expect(
      chooseChannels(notification, ['email', 'slack'], {
        status: 'chosen',
        employeeNumber: '1',
        choices: { 'approval-waiting/slack': false },
      }),
    ).toEqual({ send: ['email'], optedOut: ['slack'] });
    expect(
      chooseChannels(notification, ['email'], { status: 'chosen', employeeNumber: '1', choices: { 'approval-waiting/slack': false } }),
    ).toEqual({
      send: ['email'],
      optedOut: [],
    });
  });
});
