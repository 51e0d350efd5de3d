import { SLACK_ACTIONS, SLACK_COMMAND, slackApprovalBlockId } from '@tenure/contracts';
import { SimulatedSlackApi, signSlackRequest, type RecordedCall, type SlackSignatureHeaders } from '@tenure/simulated-slack';
import { freePort, LaunchedPlatform, PLATFORM_ADMIN_TOKEN, waitFor } from '@tenure/testing';
import { SmtpTestServer } from '@tenure/test-smtp-server';
import { blockActionBody, modalOptions, postToApp, viewSubmissionBody } from './testing/slack-payloads';

// The whole story through the platform as `npm start` runs it, with a Slack app configured
// (SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN) and email (SMTP_URL): the launcher runs the Slack app beside
// the platform, the gateway and the app share the demo integration token, and the workflow service
// notifies by Slack and by email. Only Slack is simulated (its Web API, and what Slack sends the app,
// signed as Slack signs it); the SMTP server is a real one in the test.
jest.setTimeout(300_000);

const SIGNING_SECRET = 'launched-slack-signing-secret';
const BOT_TOKEN = 'xoxb-launched-tenure-bot';
// Demo company: 10010 Oliver Grant (Engineering) reports to 10007 Priya Raman. Salesforce's sales-user
// falls under the demo policy's default: 30 days at most, the manager's approval only.
const OLIVER = { employeeNumber: '10010', slackUser: 'U0OLIVER' } as const;
const PRIYA = { employeeNumber: '10007', slackUser: 'U0PRIYA' } as const;
const ENTITLEMENT = 'salesforce:sales-user';
const REASON = 'shadow the Q3 pipeline review with Sales, asked from Slack';

interface RequestRow {
  readonly id: string;
  readonly status: string;
  readonly requesterEmployeeNumber: string;
  readonly subjectEmployeeNumber: string;
  readonly applicationId: string;
  readonly entitlementKey: string;
  readonly justification: string;
  readonly requestedDurationHours: number | null;
  readonly steps: readonly {
    readonly index: number;
    readonly status: string;
    readonly approvers: readonly string[];
    readonly approvals: readonly { readonly by: { readonly employeeNumber: string | null }; readonly comment: string }[];
  }[];
}

const REQUESTS = `query($id: ID!) { identity(id: $id) { requests { id status requesterEmployeeNumber subjectEmployeeNumber applicationId
  entitlementKey justification requestedDurationHours steps { index status approvers approvals { by { employeeNumber } comment } } } } }`;

interface Block {
  readonly type: string;
  readonly block_id?: string;
  readonly elements?: readonly { readonly type: string; readonly action_id?: string; readonly value?: string; readonly text?: unknown }[];
}

describe('Slack and email, through the platform as npm start runs it: Oliver asks from Slack, Priya approves from Slack', () => {
  let platform: LaunchedPlatform;
  let slack: SimulatedSlackApi;
  let smtp: SmtpTestServer;
  let appOrigin: string;
  const people = new Map<string, { id: string; email: string }>();
  let requestId: string;
  let approvalMessage: RecordedCall;

  beforeAll(async () => {
    slack = await new SimulatedSlackApi([], BOT_TOKEN).start();
    smtp = await new SmtpTestServer().start();
    const port = await freePort();
    appOrigin = `http://127.0.0.1:${port}`;
    platform = await LaunchedPlatform.start({
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: slack.url,
      SLACK_APP_PORT: String(port),
      SMTP_URL: smtp.url,
    });
    // The workspace's members are the demo people, by the emails Tenure knows them by.
    for (const person of [OLIVER, PRIYA]) {
      const { identityByEmployeeNumber: found } = await platform.data<{ identityByEmployeeNumber: { id: string; email: string } }>(
        'query($n: String!) { identityByEmployeeNumber(employeeNumber: $n) { id email } }',
        { n: person.employeeNumber },
        PLATFORM_ADMIN_TOKEN,
      );
      people.set(person.employeeNumber, found);
      slack.addMembers({ id: person.slackUser, email: found.email });
    }
  });

  afterAll(async () => {
    await platform?.stop();
    await slack?.stop();
    await smtp?.stop();
  });

  const emailOf = (person: { employeeNumber: string }) => people.get(person.employeeNumber)!.email;

  async function requestsOfOliver(): Promise<RequestRow[]> {
    const data = await platform.data<{ identity: { requests: RequestRow[] } }>(
      REQUESTS,
      { id: people.get(OLIVER.employeeNumber)!.id },
      PLATFORM_ADMIN_TOKEN,
    );
    return data.identity.requests;
  }

  /** Oliver's request from Slack as Tenure's read model shows it, once `matches` holds. */
  function theRequest(what: string, matches: (row: RequestRow) => boolean = () => true, timeoutMs = 20_000): Promise<RequestRow> {
    return waitFor(
      what,
      async () => (await requestsOfOliver()).find((row) => row.justification === REASON && matches(row)),
      timeoutMs,
      200,
    );
  }

  function post(body: string, headers: Partial<SlackSignatureHeaders>): Promise<Response> {
    return postToApp(`${appOrigin}/slack/events`, body, headers);
  }

  const signed = (body: string) => signSlackRequest(SIGNING_SECRET, body);

  /** Slack's click on a button of the message the workflow service posted: its channel and ts are what Slack answered the post with. */
  function clickOn(message: RecordedCall, slackUser: string, decision: keyof typeof SLACK_ACTIONS) {
    const channel = String(message.answer['channel']);
    const ts = String(message.answer['ts']);
    // Slack gives every block that was posted without a block_id one of its own.
    const blocks = (message.args['blocks'] as Block[]).map((block, index) => ({ block_id: `slack-${index}`, ...block }));
    const actions = blocks.find((block) => block.type === 'actions');
    const button = actions?.elements?.find((element) => element.action_id === SLACK_ACTIONS[decision]);
    if (!actions || !button) throw new Error(`the message has no ${decision} button: ${JSON.stringify(blocks)}`);
    const responseUrl = slack.responseUrl(`click-${decision}-${slackUser}-${ts}`);
    const body = blockActionBody({
      user: slackUser,
      channel,
      ts,
      text: message.args['text'],
      blocks,
      responseUrl,
      triggerId: `trigger.click-${ts}`,
      action: { ...button, block_id: actions.block_id, action_ts: `${Math.floor(Date.now() / 1000)}.000001` },
    });
    return { body, channel, ts, responseUrl };
  }

  it('given the demo platform, when Oliver types /tenure request, then the app acts for him in Tenure and opens the modal with the catalog', async () => {
    const body = new URLSearchParams({
      team_id: 'T0TENURE',
      channel_id: `D${OLIVER.slackUser}`,
      user_id: OLIVER.slackUser,
      command: SLACK_COMMAND,
      text: 'request',
      response_url: slack.responseUrl('launched'),
      trigger_id: 'trigger.launched',
    }).toString();

    const health = await fetch(`${appOrigin}/health`);
    const answer = await post(body, signed(body));

    expect(health.status).toBe(200);
    expect(answer.status).toBe(200);
    const opened = await slack.waitForCall('views.open', (call) => call.args['trigger_id'] === 'trigger.launched', 20_000);
    expect(opened.token).toBe(BOT_TOKEN);
    expect(modalOptions(opened)).toContainEqual({ value: ENTITLEMENT, text: expect.stringMatching(/Sales user/) });
  });

  it('given the modal, when Oliver submits the sales-user entitlement for a day with a reason, then the request is his in Tenure and waits for Priya', async () => {
    const opened = await slack.waitForCall('views.open', (call) => call.args['trigger_id'] === 'trigger.launched');
    const chosen = modalOptions(opened).find((option) => option.value === ENTITLEMENT)!;
    const body = viewSubmissionBody({
      user: OLIVER.slackUser,
      viewId: String((opened.answer['view'] as { id: string }).id),
      triggerId: 'trigger.submission',
      entitlement: chosen,
      duration: { value: '24', text: '1 day' },
      reason: REASON,
    });

    const answer = await post(body, signed(body));

    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe('');
    const request = await theRequest('the request made from Slack');
    requestId = request.id;
    expect(request).toEqual({
      id: expect.any(String),
      status: 'PENDING',
      requesterEmployeeNumber: OLIVER.employeeNumber,
      subjectEmployeeNumber: OLIVER.employeeNumber,
      applicationId: 'salesforce',
      entitlementKey: 'sales-user',
      justification: REASON,
      requestedDurationHours: 24,
      steps: [{ index: 0, status: 'OPEN', approvers: [PRIYA.employeeNumber], approvals: [] }],
    });
    const confirmation = await slack.waitForCall('chat.postMessage', (call) => call.args['channel'] === OLIVER.slackUser, 20_000);
    expect(confirmation.args['text']).toContain(`is waiting for approval`);
    expect(confirmation.args['text']).toContain(requestId);
  });

  it('given the request, when the workflow service notifies, then Priya gets a Slack DM with Approve and Deny for it and an email at her address', async () => {
    approvalMessage = await slack.waitForCall(
      'chat.postMessage',
      (call) => call.args['channel'] === PRIYA.slackUser && JSON.stringify(call.args['blocks'] ?? []).includes(requestId),
      60_000,
    );
    const mail = await waitFor(
      'the approval email to Priya',
      () => smtp.to(emailOf(PRIYA)).find((received) => received.subject.startsWith('Approval needed')),
      60_000,
      200,
    );

    expect(approvalMessage.token).toBe(BOT_TOKEN);
    expect(slack.callsOf('users.lookupByEmail').map((call) => call.args['email'])).toContain(emailOf(PRIYA));
    expect(approvalMessage.args['text']).toMatch(/^Approval needed: Sales user .* for Oliver Grant$/);
    const actions = (approvalMessage.args['blocks'] as Block[]).find((block) => block.type === 'actions');
    expect(actions).toEqual({
      type: 'actions',
      block_id: slackApprovalBlockId(requestId),
      elements: [
        expect.objectContaining({
          type: 'button',
          action_id: SLACK_ACTIONS.approve,
          value: requestId,
          text: expect.objectContaining({ text: 'Approve' }),
        }),
        expect.objectContaining({
          type: 'button',
          action_id: SLACK_ACTIONS.deny,
          value: requestId,
          text: expect.objectContaining({ text: 'Deny' }),
        }),
      ],
    });
    expect(approvalMessage.answer).toMatchObject({ ok: true, channel: `D${PRIYA.slackUser}`, ts: expect.any(String) });
    expect(mail.envelopeTo).toEqual([emailOf(PRIYA)]);
    expect(mail.subject).toBe(approvalMessage.args['text']);
    expect(mail.text).toContain(`Reason: ${REASON}`);
    // The link goes to the portal the launcher runs, wherever its port is.
    expect(mail.text).toContain(`${platform.portalOrigin}/approvals`);
  });

  it('given the approval message, when a copy of Priya’s click signed with another secret or unsigned is posted, then 401 and nothing changes', async () => {
    const forgeries = [clickOn(approvalMessage, PRIYA.slackUser, 'approve'), clickOn(approvalMessage, PRIYA.slackUser, 'deny')];

    for (const forged of forgeries) {
      expect((await post(forged.body, signSlackRequest('not-the-signing-secret', forged.body))).status).toBe(401);
      expect((await post(forged.body, {})).status).toBe(401);
    }

    expect(slack.callsOf('chat.update')).toEqual([]);
    expect(slack.callsOf('response_url').filter((call) => forgeries.some((forged) => call.args['url'] === forged.responseUrl))).toEqual([]);
    expect((await theRequest('the request, untouched')).steps).toEqual([
      { index: 0, status: 'OPEN', approvers: [PRIYA.employeeNumber], approvals: [] },
    ]);
  });

  it('given the approval message, when Priya clicks Approve, then Tenure records her approval, the message says so, and Oliver is told by Slack and email', async () => {
    const click = clickOn(approvalMessage, PRIYA.slackUser, 'approve');

    const answer = await post(click.body, signed(click.body));

    expect(answer.status).toBe(200);
    const updated = await slack.waitForCall('chat.update', (call) => call.args['ts'] === click.ts, 20_000);
    expect(updated.token).toBe(BOT_TOKEN);
    expect(updated.args).toMatchObject({
      channel: click.channel,
      text: expect.stringMatching(/^:white_check_mark: Approved by Priya Raman/),
    });
    expect(JSON.stringify(updated.args['blocks'])).not.toContain(SLACK_ACTIONS.approve);
    expect(JSON.stringify(updated.args['blocks'])).toContain(REASON);

    const granted = await theRequest('the request granted', (row) => row.status === 'GRANTED', 120_000);
    expect(granted.steps).toEqual([
      {
        index: 0,
        status: 'APPROVED',
        approvers: [PRIYA.employeeNumber],
        approvals: [{ by: { employeeNumber: PRIYA.employeeNumber }, comment: 'Approved in Slack' }],
      },
    ]);
    const grantedDm = await slack.waitForCall(
      'chat.postMessage',
      (call) => call.args['channel'] === OLIVER.slackUser && String(call.args['text']).startsWith('Request granted'),
      60_000,
    );
    const grantedMail = await waitFor(
      'the granted email to Oliver',
      () => smtp.to(emailOf(OLIVER)).find((received) => received.subject.startsWith('Request granted')),
      60_000,
      200,
    );
    expect(grantedDm.args['text']).toMatch(/^Request granted: Sales user/);
    expect(JSON.stringify(grantedDm.args['blocks'])).toContain('was granted');
    expect(JSON.stringify(grantedDm.args['blocks'])).not.toContain(SLACK_ACTIONS.approve);
    expect(grantedMail.subject).toBe(grantedDm.args['text']);
    expect(grantedMail.text).toContain('was granted');
    // Priya decided: she is not told about her own decision; the one click changed the message once.
    expect(smtp.to(emailOf(PRIYA)).filter((received) => received.subject.startsWith('Request granted'))).toEqual([]);
    expect(slack.callsOf('chat.update')).toHaveLength(1);
  });
});
