import type { EventStore } from '@tenure/event-sourcing';
import { EVENT_STORE, mintCallerToken, startLocalService, type LocalService } from '@tenure/service-runtime';
import { createTestDatabase, hire, postGraphql, waitFor, type TestDatabase } from '@tenure/testing';
import { workflowService } from '../../app';
import { MANAGER_APPROVAL_POLICY } from '../../testing/notifications-fixture';
import { publishPolicy } from '../../testing/policy-events';
import { SmtpTestServer } from '@tenure/test-smtp-server';

const ADMIN_TOKEN = 'test-admin-token';
const METRICS_TOKEN = 'test-metrics-token';
const CALLER_TOKEN_SECRET = 'a-test-caller-token-secret-32-chars-long';

const MINE = `{ myNotificationPreferences { kind channel enabled channelConfigured } }`;
const OF = `query ($employeeNumber: ID!) { notificationPreferencesOf(employeeNumber: $employeeNumber) { kind channel enabled } }`;
const SET = `mutation ($kind: NotificationKind!, $channel: NotificationChannel!, $enabled: Boolean!) {
  setNotificationPreference(kind: $kind, channel: $channel, enabled: $enabled) { kind channel enabled channelConfigured } }`;

interface Preferences {
  readonly myNotificationPreferences?: Record<string, unknown>[];
  readonly notificationPreferencesOf?: Record<string, unknown>[];
  readonly setNotificationPreference?: Record<string, unknown>[];
}

// The service as it runs (configuration from the environment, SMTP_URL pointing at a real SMTP
// server in the test, no Slack token), over HTTP with person and administrator tokens.
describe('notification preferences over HTTP, and email from the running service', () => {
  let database: TestDatabase;
  let smtp: SmtpTestServer;
  let workflow: LocalService;
  const store = () => workflow.app.get<symbol, EventStore>(EVENT_STORE);

  beforeAll(async () => {
    smtp = await new SmtpTestServer().start();
    process.env['ADMIN_TOKENS'] = ADMIN_TOKEN;
    process.env['METRICS_TOKENS'] = METRICS_TOKEN;
    process.env['CALLER_TOKEN_SECRET'] = CALLER_TOKEN_SECRET;
    process.env['SMTP_URL'] = smtp.url;
    process.env['NOTIFICATIONS_EMAIL_FROM'] = 'Tenure <tenure@example.com>';
    process.env['PORTAL_URL'] = 'https://portal.example.com';
    database = await createTestDatabase(4);
    workflow = await startLocalService(workflowService, database.url);
    await publishPolicy(store(), 1, MANAGER_APPROVAL_POLICY);
    await hire(store(), { employeeNumber: '1001', department: 'Engineering' });
    await hire(store(), { employeeNumber: '1002', department: 'Engineering', managerEmployeeNumber: '1001' });
  });

  afterAll(async () => {
    for (const name of ['ADMIN_TOKENS', 'METRICS_TOKENS', 'CALLER_TOKEN_SECRET', 'SMTP_URL', 'NOTIFICATIONS_EMAIL_FROM', 'PORTAL_URL']) {
      delete process.env[name];
    }
    await workflow?.close();
    await database?.drop();
    await smtp?.stop();
  });

  it('given a person, when they turn a kind off on email, then their preferences show it and only email is configured', async () => {
    const token = await mintCallerToken(CALLER_TOKEN_SECRET, '1002');

    const before = await postGraphql<Preferences>(workflow.url, MINE, {}, token);
    expect(before.data?.myNotificationPreferences).toHaveLength(14);
    expect(before.data?.myNotificationPreferences).toContainEqual({
      kind: 'REQUEST_DECIDED',
      channel: 'EMAIL',
      enabled: true,
      channelConfigured: true,
    });
    expect(before.data?.myNotificationPreferences).toContainEqual({
      kind: 'REQUEST_DECIDED',
      channel: 'SLACK',
      enabled: true,
      channelConfigured: false,
    });

    const set = await postGraphql<Preferences>(workflow.url, SET, { kind: 'REQUEST_DECIDED', channel: 'EMAIL', enabled: false }, token);
    expect(set.errors).toBeUndefined();
    expect(set.data?.setNotificationPreference).toContainEqual({
      kind: 'REQUEST_DECIDED',
      channel: 'EMAIL',
      enabled: false,
      channelConfigured: true,
    });

    const read = await waitFor('the preference in the read model', async () => {
      const { data } = await postGraphql<Preferences>(workflow.url, OF, { employeeNumber: '1002' }, ADMIN_TOKEN);
      const entry = data?.notificationPreferencesOf?.find((p) => p['kind'] === 'REQUEST_DECIDED' && p['channel'] === 'EMAIL');
      return entry?.['enabled'] === false ? entry : undefined;
    });
    expect(read).toEqual({ kind: 'REQUEST_DECIDED', channel: 'EMAIL', enabled: false });
  });

  it('given someone else, or an administrator token, when they read or set a person’s preferences, then FORBIDDEN; a wrong kind is refused', async () => {
    const other = await mintCallerToken(CALLER_TOKEN_SECRET, '1001');
    const reading = await postGraphql<Preferences>(workflow.url, OF, { employeeNumber: '1002' }, other);
    const settingAsAdmin = await postGraphql<Preferences>(
      workflow.url,
      SET,
      { kind: 'APPROVAL_WAITING', channel: 'EMAIL', enabled: false },
      ADMIN_TOKEN,
    );
    const wrongKind = await postGraphql<Preferences>(workflow.url, SET, { kind: 'BIRTHDAYS', channel: 'EMAIL', enabled: false }, other);

    expect(reading.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(settingAsAdmin.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(wrongKind.errors?.[0]?.message).toContain('BIRTHDAYS');
  });

  it('given SMTP_URL, when a person requests access over GraphQL, then their manager receives the approval email and the metric counts it', async () => {
    const token = await mintCallerToken(CALLER_TOKEN_SECRET, '1002');
    const asked = await postGraphql<{ requestAccess: { id: string; status: string } }>(
      workflow.url,
      `mutation { requestAccess(input: { applicationId: "aws", entitlementKey: "prod-admin", justification: "incident 7", durationHours: 4 }) { id status } }`,
      {},
      token,
    );
    expect(asked.data?.requestAccess.status).toBe('PENDING');

    const mail = await waitFor('the approval email', () => smtp.to('p1001@example.com')[0], 20_000);
    expect(mail.subject).toBe('Approval needed: prod-admin (aws) for Given1002 Person');
    expect(mail.text).toContain('incident 7');
    expect(mail.text).toContain('https://portal.example.com/approvals');

    const metrics = await fetch(`${workflow.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }).then((r) => r.text());
    expect(metrics).toMatch(/tenure_notifications_total\{[^}]*kind="approval-waiting"[^}]*channel="email"[^}]*outcome="sent"[^}]*\} 1/);
  });
});
