import { personCaller } from '@tenure/service-runtime';
import { identityIdOf } from '@tenure/testing';
import { startNotificationsFixture, type NotificationsFixture } from '../../testing/notifications-fixture';
import { deliveriesTo } from './notification-outbox';

// Delivery when things go wrong: SMTP and Slack failing then recovering, a recipient who cannot be
// reached, two instances of the service on one database. Real PostgreSQL and SMTP server, Slack stand-in.
describe('notification delivery', () => {
  let f: NotificationsFixture;

  beforeAll(async () => {
    f = await startNotificationsFixture();
  });

  afterAll(() => f?.stop());

  it('given the SMTP server failing twice, when an approval is due, then it is retried and delivered once', async () => {
    f.smtp.failNext(2);
    const before = f.mailsTo('1001').length;
    const retriedBefore = f.metrics.of('approval-waiting', 'email', 'retrying');
    const asked = await f.harness.runtime.requests.requests.request(personCaller('1002'), {
      applicationId: 'wiki',
      entitlementKey: 'editor',
      justification: 'docs',
      durationHours: 8,
    });
    await f.delivered();

    expect(f.mailsTo('1001')).toHaveLength(before + 1);
    const row = (await deliveriesTo(f.harness.store.pool, '1001')).find(
      (delivery) => delivery.channel === 'email' && delivery.notificationId.includes(asked.requestId),
    );
    expect(row).toMatchObject({ status: 'sent', attempts: 3, lastError: expect.stringContaining('try again later') });
    expect(f.metrics.of('approval-waiting', 'email', 'retrying') - retriedBefore).toBe(2);
    await f.harness.runtime.requests.requests.deny(personCaller('1001'), asked.requestId, 'no');
    await f.delivered();
  });

  it('given a recipient without a Slack account, then their Slack message is recorded undeliverable and email still goes', async () => {
    // The manager asks for their report: the step goes to the manager's manager (1000), who has no Slack account.
    const asked = await f.harness.runtime.requests.requests.request(personCaller('1001'), {
      identityId: identityIdOf('1002'),
      applicationId: 'jira',
      entitlementKey: 'admin',
      justification: 'release',
      durationHours: 8,
    });
    await f.delivered();
    const toHead = (await deliveriesTo(f.harness.store.pool, '1000')).filter((row) => row.notificationId.includes(asked.requestId));
    expect(toHead.map((row) => [row.channel, row.status])).toEqual(
      expect.arrayContaining([
        ['email', 'sent'],
        ['slack', 'undeliverable'],
      ]),
    );
    expect(toHead.find((row) => row.channel === 'slack')?.lastError).toContain('users_not_found');
    expect(f.metrics.of('approval-waiting', 'slack', 'undeliverable')).toBe(1);
    await f.harness.runtime.requests.requests.deny(personCaller('1000'), asked.requestId, 'not now');
    await f.delivered();
  });

  it('given Slack failing once, when a message is due, then it is retried and sent once', async () => {
    const asked = await f.harness.runtime.requests.requests.request(personCaller('1002'), {
      applicationId: 'jira',
      entitlementKey: 'viewer',
      justification: 'reading',
      durationHours: 8,
    });
    await f.delivered();
    const retriedBefore = f.metrics.of('request-decided', 'slack', 'retrying');
    f.slack.failNext('chat.postMessage', 'internal_error', 1);
    f.failedSlackPosts['1002'] = (f.failedSlackPosts['1002'] ?? 0) + 1;
    // Only the requester (also the subject) is told: the one post Slack refuses is theirs.
    await f.harness.runtime.requests.requests.deny(personCaller('1001'), asked.requestId, 'read the wiki');
    await f.delivered();

    const denied = (await deliveriesTo(f.harness.store.pool, '1002')).find(
      (row) => row.channel === 'slack' && row.notificationId === `request-decided:${asked.requestId}:denied:1002`,
    );
    expect(denied).toMatchObject({ status: 'sent', attempts: 2, lastError: expect.stringContaining('internal_error') });
    expect(f.metrics.of('request-decided', 'slack', 'retrying') - retriedBefore).toBe(1);
  });

  it('given a second instance on the same database, when a step opens, then the approver still gets one message per channel', async () => {
    const other = await f.startSecondInstance();
    try {
      const asked = await other.runtime.requests.requests.request(personCaller('1002'), {
        applicationId: 'vpn',
        entitlementKey: 'user',
        justification: 'travel',
        durationHours: 8,
      });
      await other.runtime.readModelsCaughtUp();
      await f.delivered();
      await other.runtime.notifications.caughtUp();
      await new Promise((resolve) => setTimeout(resolve, 300));
      const about = (text: string) => text.includes('user (vpn)');
      expect(f.mailsTo('1001').filter((mail) => about(mail.subject))).toHaveLength(1);
      expect(f.dmsTo('1001').filter((call) => about(String(call.args['text'])))).toHaveLength(1);
      await f.harness.runtime.requests.requests.deny(personCaller('1001'), asked.requestId, 'no');
    } finally {
      await other.stop();
    }
  });

  it('given the failures above, then each recorded message went exactly once on its channel, and no reason or comment was kept', async () => {
    await f.delivered();
    const { received, recorded } = await f.receivedAndRecorded();
    expect(received).toEqual(recorded);
    expect(await f.freeTextKept()).toBe(0);
  });
});
