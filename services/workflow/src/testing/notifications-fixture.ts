import { randomIds } from '@tenure/event-sourcing';
import { PostgresEventStore } from '@tenure/event-store-postgres';
import { createLogger } from '@tenure/platform';
import { SCHEMA_MIGRATED_BEFOREHAND } from '@tenure/service-runtime';
import { SimulatedSlackApi, type RecordedCall } from '@tenure/simulated-slack';
import { hire, TestClock, waitFor } from '@tenure/testing';
import { CountingNotificationMetrics } from '../application/notifications/notification-metrics';
import { DEFAULT_NOTIFICATION_SETTINGS, type NotificationSettings } from '../application/notifications/notification-settings';
import { WorkflowRuntime } from '../application/workflow-runtime';
import { publishPolicy } from './policy-events';
import { SmtpTestServer } from '@tenure/test-smtp-server';
import { startWorkflowHarness, type WorkflowHarness } from './workflow-harness';

export const PORTAL = 'https://tenure.example.com';
const BOT_TOKEN = 'xoxb-test-token';

/** Everything needs the manager's approval; at most three days. */
export const MANAGER_APPROVAL_POLICY = {
  roles: [],
  birthrightRules: [],
  sodRules: [],
  approverGroups: [],
  accessPolicies: [
    { id: 'default', name: 'Anything', scope: { kind: 'default' }, maxDurationHours: 72, approvalChain: [{ kind: 'manager' }] },
  ],
};

/**
 * The workflow service's parts with notifications on: a real SMTP server (smtp-server, messages
 * parsed with mailparser) and the Slack Web API stand-in, on a fresh database. People: 1000 heads
 * everyone; 1001 manages 1002 and 1003; 4001 owns applications. All but 1000 are in Slack.
 */
export interface NotificationsFixture {
  readonly clock: TestClock;
  readonly metrics: CountingNotificationMetrics;
  readonly smtp: SmtpTestServer;
  readonly slack: SimulatedSlackApi;
  readonly settings: NotificationSettings;
  readonly harness: WorkflowHarness;
  /** Posts the Slack stand-in refused on purpose (`slack.failNext`): recorded as calls, not delivered. */
  readonly failedSlackPosts: Record<string, number>;
  mailsTo(employeeNumber: string): ReturnType<SmtpTestServer['to']>;
  dmsTo(employeeNumber: string): RecordedCall[];
  /** Everything committed so far is answered, recorded and sent (or given up). */
  delivered(): Promise<void>;
  /**
   * Per channel and recipient: messages the SMTP server and Slack received (refused posts left out)
   * and outbox rows marked sent. Equal when every sent row went exactly once.
   */
  receivedAndRecorded(): Promise<{ received: ChannelCount[]; recorded: ChannelCount[] }>;
  /** Final outbox rows that still hold a request's reason or a decision's comment. */
  freeTextKept(): Promise<number>;
  /** Another instance of the service's parts on the same database. */
  startSecondInstance(): Promise<{ readonly runtime: WorkflowRuntime; stop(): Promise<void> }>;
  stop(): Promise<void>;
}

export interface ChannelCount {
  readonly channel: string;
  readonly recipient: string;
  readonly n: number;
}

const PEOPLE = ['1000', '1001', '1002', '1003', '4001'];

export async function startNotificationsFixture(): Promise<NotificationsFixture> {
  const clock = new TestClock(new Date('2026-06-01T08:00:00.000Z'));
  const metrics = new CountingNotificationMetrics();
  const smtp = await new SmtpTestServer().start();
  const slack = await new SimulatedSlackApi(
    ['1001', '1002', '1003', '4001'].map((n) => ({ id: `U${n}`, email: `p${n}@example.com` })),
    BOT_TOKEN,
  ).start();
  const settings: NotificationSettings = {
    ...DEFAULT_NOTIFICATION_SETTINGS,
    email: { smtpUrl: smtp.url, from: 'Tenure <tenure@example.com>' },
    slack: { botToken: BOT_TOKEN, apiUrl: slack.url },
    portalUrl: PORTAL,
    deliveryPollMs: 50,
    // The backoff itself is the timers' (tested there); here a failed message is tried again at the next poll.
    retryDelayMs: () => 0,
  };
  const harness = await startWorkflowHarness(clock, { notificationMetrics: metrics, notificationSettings: settings });

  const delivered = async () => {
    const runtime = harness.runtime;
    await runtime.readModelsCaughtUp();
    await runtime.requests.caughtUp();
    await runtime.reviews.processesCaughtUp();
    await runtime.readModelsCaughtUp();
    await runtime.notifications.caughtUp();
    await waitFor('the outbox to be sent', async () => {
      const { rows } = await harness.store.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM workflow_notifications WHERE status = 'pending'`,
      );
      return rows[0]!.n === 0 ? true : undefined;
    });
  };

  await publishPolicy(harness.store, 1, MANAGER_APPROVAL_POLICY);
  await hire(harness.store, { employeeNumber: '1000', department: 'Board' });
  await hire(harness.store, { employeeNumber: '1001', department: 'Engineering', managerEmployeeNumber: '1000' });
  await hire(harness.store, { employeeNumber: '1002', department: 'Engineering', managerEmployeeNumber: '1001' });
  await hire(harness.store, { employeeNumber: '1003', department: 'Engineering', managerEmployeeNumber: '1001' });
  await hire(harness.store, { employeeNumber: '4001', department: 'Finance', managerEmployeeNumber: '1000' });
  await delivered();

  const failedSlackPosts: Record<string, number> = {};
  const mailsTo = (employeeNumber: string) => smtp.to(`p${employeeNumber}@example.com`);
  const dmsTo = (employeeNumber: string) =>
    slack.callsOf('chat.postMessage').filter((call) => call.args['channel'] === `U${employeeNumber}`);

  return {
    clock,
    metrics,
    smtp,
    slack,
    settings,
    harness,
    failedSlackPosts,
    mailsTo,
    dmsTo,
    delivered,
    async receivedAndRecorded() {
      const { rows } = await harness.store.pool.query<ChannelCount>(
        `SELECT channel, recipient_employee_number AS recipient, count(*)::int AS n FROM workflow_notifications
          WHERE status = 'sent' GROUP BY 1, 2 ORDER BY 1, 2`,
      );
      const received = [
        ...PEOPLE.map((n) => ({ channel: 'email', recipient: n, n: mailsTo(n).length })),
        ...PEOPLE.map((n) => ({ channel: 'slack', recipient: n, n: dmsTo(n).length - (failedSlackPosts[n] ?? 0) })),
      ].filter((entry) => entry.n > 0);
      // Everyone who received anything is one of PEOPLE: nothing went elsewhere.
      expectNoStrangers(
        smtp.received.flatMap((mail) => mail.envelopeTo),
        PEOPLE.map((n) => `p${n}@example.com`),
      );
      return { received, recorded: rows };
    },
    async freeTextKept() {
      const { rowCount } = await harness.store.pool.query(
        `SELECT 1 FROM workflow_notifications WHERE status <> 'pending' AND (content ? 'justification' OR content ? 'comment')`,
      );
      return rowCount ?? 0;
    },
    async startSecondInstance() {
      const store = new PostgresEventStore({ connectionString: harness.database.url, poolSize: 8 });
      const runtime = new WorkflowRuntime({
        store,
        schema: SCHEMA_MIGRATED_BEFOREHAND,
        clock,
        ids: randomIds,
        logger: createLogger('workflow-test-2', 'silent'),
        notificationSettings: settings,
        notificationMetrics: metrics,
      });
      await runtime.start();
      return {
        runtime,
        async stop() {
          await runtime.stop();
          await store.close();
        },
      };
    },
    async stop() {
      await harness.stop();
      await slack.stop();
      await smtp.stop();
    },
  };
}

function expectNoStrangers(addresses: readonly string[], known: readonly string[]): void {
  const strangers = addresses.filter((address) => !known.includes(address));
  if (strangers.length > 0) throw new Error(`mail went to unknown recipients: ${strangers.join(', ')}`);
}

/** A Slack call's blocks, whether sent as JSON or form-encoded. */
export function blocksOf(call: RecordedCall): Record<string, unknown>[] {
  const blocks = call.args['blocks'];
  return (typeof blocks === 'string' ? JSON.parse(blocks) : blocks) as Record<string, unknown>[];
}
