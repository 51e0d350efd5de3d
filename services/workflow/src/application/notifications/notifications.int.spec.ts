import { operationStreamId, SLACK_ACTIONS, slackApprovalBlockId } from '@tenure/contracts';
import { ADMIN_TOKEN_ACTOR, personCaller, type Caller } from '@tenure/service-runtime';
import { identityIdOf, waitFor } from '@tenure/testing';
import { terminate } from '../../testing/identity-events';
import { blocksOf, PORTAL, startNotificationsFixture, type NotificationsFixture } from '../../testing/notifications-fixture';
import { killSwitchPlanned, operationSucceeded } from '../../testing/operation-events';
import { appendPublishedEvent } from '../../testing/published-events';
import { assignmentById } from '../../read-model/workflow-assignments/workflow-assignments.queries';
import { assignmentIdOfRequest } from '../requests/request-fulfilment';
import { NOTIFICATION_PROCESS_CHECKPOINT } from './notification-process';
import { deliveriesTo } from './notification-outbox';

const HOUR = 3_600_000;
const ADMIN: Caller = { kind: 'administrator', actor: ADMIN_TOKEN_ACTOR };

// Each kind of notification end to end on the running parts: real PostgreSQL, a real SMTP server in
// the test (smtp-server, messages parsed with mailparser) and the Slack Web API stand-in.
describe('notifications by email and Slack, kind by kind', () => {
  let f: NotificationsFixture;

  beforeAll(async () => {
    f = await startNotificationsFixture();
  });

  afterAll(() => f?.stop());

  let firstRequestId = '';

  it('given a request, when its step opens, then the approver gets one email and one Slack DM with Approve and Deny buttons', async () => {
    const asked = await f.harness.runtime.requests.requests.request(personCaller('1002'), {
      applicationId: 'aws',
      entitlementKey: 'prod-admin',
      justification: 'incident 42',
      durationHours: 48,
    });
    firstRequestId = asked.requestId;
    await f.delivered();

    const mails = f.mailsTo('1001');
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      from: expect.stringContaining('tenure@example.com'),
      subject: expect.stringContaining('Approval needed'),
    });
    expect(mails[0]!.subject).toContain('Given1002');
    expect(mails[0]!.text).toContain('incident 42');
    expect(mails[0]!.text).toContain(`${PORTAL}/approvals`);
    expect(mails[0]!.html).toContain(`href="${PORTAL}/approvals"`);

    await f.slack.waitForCall('users.lookupByEmail', (call) => call.args['email'] === 'p1001@example.com');
    const dms = f.dmsTo('1001');
    expect(dms).toHaveLength(1);
    expect(dms[0]!.token).toBe('xoxb-test-token');
    const actions = blocksOf(dms[0]!).find((block) => block['type'] === 'actions')!;
    expect(actions['block_id']).toBe(slackApprovalBlockId(asked.requestId));
    expect(actions['elements']).toEqual([
      expect.objectContaining({ type: 'button', action_id: SLACK_ACTIONS.approve, value: asked.requestId }),
      expect.objectContaining({ type: 'button', action_id: SLACK_ACTIONS.deny, value: asked.requestId }),
    ]);
    // The requester is told nothing yet.
    expect(f.mailsTo('1002')).toHaveLength(0);
  });

  it('given the approval, when the request is granted, then the requester gets one "granted" message per channel and the approver nothing more', async () => {
    await f.harness.runtime.requests.requests.approve(personCaller('1001'), firstRequestId, 'ok');
    await f.delivered();

    expect(f.mailsTo('1002').map((mail) => mail.subject)).toEqual([expect.stringMatching(/^Request granted: prod-admin/)]);
    expect(f.mailsTo('1002')[0]!.text).toContain(`${PORTAL}/requests`);
    expect(f.dmsTo('1002')).toHaveLength(1);
    expect(String(f.dmsTo('1002')[0]!.args['text'])).toContain('Request granted');
    expect(f.mailsTo('1001')).toHaveLength(1);
    // No buttons on anything but an approval.
    expect(blocksOf(f.dmsTo('1002')[0]!).some((block) => block['type'] === 'actions')).toBe(false);
  });

  it('given a person who turned "request decided" off for email, when their request is denied, then only Slack tells them', async () => {
    const views = await f.harness.runtime.notifications.preferences.set(personCaller('1003'), 'request-decided', 'email', false);
    expect(views).toContainEqual({ kind: 'request-decided', channel: 'email', enabled: false, channelConfigured: true });
    await expect(f.harness.runtime.notifications.preferences.set(ADMIN, 'request-decided', 'email', false)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await f.harness.runtime.readModelsCaughtUp();
    expect(await f.harness.runtime.notifications.preferences.of(ADMIN, '1003')).toContainEqual(
      expect.objectContaining({ kind: 'request-decided', channel: 'email', enabled: false }),
    );

    const asked = await f.harness.runtime.requests.requests.request(personCaller('1003'), {
      applicationId: 'crm',
      entitlementKey: 'user',
      justification: 'pipeline',
      durationHours: 8,
    });
    await f.harness.runtime.requests.requests.deny(personCaller('1001'), asked.requestId, 'not this quarter');
    await f.delivered();

    expect(f.mailsTo('1003')).toHaveLength(0);
    expect(f.dmsTo('1003')).toHaveLength(1);
    expect(JSON.stringify(blocksOf(f.dmsTo('1003')[0]!))).toContain('not this quarter');
    const rows = (await deliveriesTo(f.harness.store.pool, '1003')).map((row) => [row.kind, row.channel, row.status]);
    expect(rows).toHaveLength(2);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['request-decided', 'slack', 'sent'],
        ['request-decided', 'email', 'opted-out'],
      ]),
    );
    expect(f.metrics.of('request-decided', 'email', 'opted-out')).toBe(1);
  });

  it('given a manager campaign, when it starts and when the reminder comes, then the reviewer is told it waits, then that it is due', async () => {
    const campaign = await f.harness.runtime.reviews.campaigns.start(ADMIN, {
      name: 'AWS Q2',
      scope: { kind: 'application', applicationId: 'aws' },
      reviewer: 'manager',
      reminderHours: 24,
    });
    await f.delivered();
    const waiting = f.mailsTo('1001').filter((mail) => mail.subject.startsWith('Access review waiting'));
    expect(waiting.map((mail) => mail.subject)).toEqual(['Access review waiting: AWS Q2']);
    expect(waiting[0]!.text).toContain(`${PORTAL}/reviews`);

    f.clock.advance(24 * HOUR + 60_000);
    await waitFor('the reminder event', async () =>
      (await f.harness.store.readStream(`review-campaign-${campaign.campaignId}`)).find((event) => event.type === 'ReviewRemindersSent'),
    );
    await f.delivered();
    const due = f.mailsTo('1001').filter((mail) => mail.subject.startsWith('Reminder:'));
    expect(due.map((mail) => mail.subject)).toEqual(['Reminder: 1 review item due in AWS Q2']);
    expect(f.dmsTo('1001').filter((call) => String(call.args['text']).startsWith('Reminder:'))).toHaveLength(1);
  });

  it('given a grant of 48 hours, when its end is 24 hours away, then its holder is warned once', async () => {
    const assignmentId = assignmentIdOfRequest(firstRequestId);
    await operationSucceeded(
      f.harness.store,
      {
        operationId: `grant-${assignmentId}`,
        action: 'grant',
        identityId: identityIdOf('1002'),
        applicationId: 'aws',
        assignmentId,
        entitlementKey: 'prod-admin',
      },
      f.clock.now().toISOString(),
    );
    await f.delivered();
    const expiring = () => f.mailsTo('1002').filter((mail) => mail.subject.startsWith('Access ending soon'));
    expect(expiring()).toHaveLength(0);

    f.clock.advance(24 * HOUR + 60_000);
    await waitFor('the expiry warning', async () => (expiring().length > 0 ? true : undefined));
    await f.delivered();
    expect(expiring()).toHaveLength(1);
    expect(expiring()[0]!.text).toContain(`${PORTAL}/access`);
  });

  it('given that grant, when it expires and the application confirms its removal, then its holder is told once that it ended', async () => {
    const assignmentId = assignmentIdOfRequest(firstRequestId);
    const ended = () => f.mailsTo('1002').filter((mail) => mail.subject.startsWith('Access ended'));
    f.clock.advance(24 * HOUR);
    const revokedAt = await waitFor('the grant revoked as expired', async () => {
      const assignment = await assignmentById(f.harness.store.pool, assignmentId);
      return assignment?.status === 'revoking' && assignment.revocationReason === 'expired' ? f.clock.now() : undefined;
    });
    await f.delivered();
    expect(ended()).toHaveLength(0); // Not before the application says it is gone.

    await operationSucceeded(
      f.harness.store,
      {
        operationId: `revoke.${assignmentId}`,
        action: 'revoke',
        identityId: identityIdOf('1002'),
        applicationId: 'aws',
        assignmentId,
        entitlementKey: 'prod-admin',
      },
      revokedAt.toISOString(),
    );
    await waitFor('the access-ended message', async () => (ended().length > 0 ? true : undefined));
    await f.delivered();
    expect(ended()).toHaveLength(1);
    expect(ended()[0]!.text).toContain('has expired and was removed');
    expect(ended()[0]!.text).toContain(`${PORTAL}/request`);
    await f.slack.waitForCall('chat.postMessage', (call) => String(call.args['text']).includes('Access ended'));
  });

  it('given a manual task in an application without a connector, then its owner is told to open it', async () => {
    await appendPublishedEvent(
      f.harness.store,
      operationStreamId('op-manual-1'),
      {
        type: 'ManualTaskOpened',
        data: {
          taskId: 'op-manual-1',
          operationId: 'op-manual-1',
          applicationId: 'payroll',
          identityId: identityIdOf('1002'),
          ownerEmployeeNumber: '4001',
          instructions: 'Create the account of Given1002',
          userName: 'p1002',
          completes: ['AccountCreated'],
          dueAt: '2026-06-05T08:00:00.000Z',
          openedAt: f.clock.now().toISOString(),
          employeeNumber: '1002',
        },
      },
      { actor: { kind: 'service', id: 'connector-test' }, correlationPrefix: 'connector' },
      f.clock.now().toISOString(),
    );
    await f.delivered();
    expect(f.mailsTo('4001').map((mail) => mail.subject)).toEqual(['Task assigned: change needed in payroll']);
    expect(f.mailsTo('4001')[0]!.text).toContain(`${PORTAL}/admin/applications/payroll`);
    expect(f.dmsTo('4001')).toHaveLength(1);
  });

  it('given a leaver whose run completes, then their manager is told once', async () => {
    const termination = await terminate(f.harness.store, '1003');
    await f.delivered();
    expect(f.mailsTo('1001').filter((mail) => mail.subject.startsWith('Leaver completed'))).toHaveLength(0);
    // The connector's plan for the leaver's accounts (none to disable) closes the run.
    await killSwitchPlanned(f.harness.store, {
      identityId: identityIdOf('1003'),
      terminationEventId: termination,
      operationIds: [],
      plannedAt: f.clock.now().toISOString(),
    });
    await waitFor('the leaver message', async () =>
      f.mailsTo('1001').some((mail) => mail.subject.startsWith('Leaver completed')) ? true : undefined,
    );
    await f.delivered();
    const leaver = f.mailsTo('1001').filter((mail) => mail.subject.startsWith('Leaver completed'));
    expect(leaver.map((mail) => mail.subject)).toEqual(['Leaver completed: Given1003 Person']);
  });

  it('given everything above, then each recorded message went exactly once on its channel, and no reason or comment was kept', async () => {
    await f.delivered();
    const { received, recorded } = await f.receivedAndRecorded();
    expect(received).toEqual(recorded);
    expect(await f.freeTextKept()).toBe(0);
  });

  it('given a restart whose process answers the whole log again, then nothing is sent twice', async () => {
    await f.delivered();
    const mails = f.smtp.received.length;
    const dms = f.slack.callsOf('chat.postMessage').length;
    await f.harness.restart(() =>
      f.harness.store.pool.query('DELETE FROM tenure_checkpoints WHERE subscription_id = $1', [NOTIFICATION_PROCESS_CHECKPOINT]),
    );
    await f.delivered();
    // Give the delivery worker a few polls: nothing may be waiting to go.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(f.smtp.received).toHaveLength(mails);
    expect(f.slack.callsOf('chat.postMessage')).toHaveLength(dms);
  });
});
