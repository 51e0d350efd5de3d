import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SLACK_ACTIONS, slackApprovalBlockId } from '@tenure/contracts';
import { SimulatedSlackApi, signSlackRequest, type SlackSignatureHeaders } from '@tenure/simulated-slack';
import { freePort, LaunchedPlatform, NodeProcess, PLATFORM_ADMIN_TOKEN, waitFor } from '@tenure/testing';
import { blockActionBody, modalOptions, postToApp, viewSubmissionBody } from './testing/slack-payloads';

// The Slack app as its own process (built dist/), in front of the real platform started as `npm start`
// starts it; only Slack is simulated: its Web API (a recording stand-in) and what Slack sends the app
// (slash commands, modal submissions, button clicks, signed with the signing secret as Slack signs them).
jest.setTimeout(300_000);

const APP_SCRIPT = join(__dirname, '..', 'dist', 'main.js');
const SIGNING_SECRET = 'e2e-slack-signing-secret';
const BOT_TOKEN = 'xoxb-e2e-tenure-bot';
const INTEGRATION_TOKEN = 'e2e-slack-integration-token-0123456789abcdef';
// Demo company: 10010 Oliver Grant (Engineering) reports to 10007 Priya Raman, who reports to
// 10002 Lucas Brennan; 10011 Nadia Haddad's Slack email is not confirmed in this workspace.
const PEOPLE = { oliver: '10010', priya: '10007', lucas: '10002', nadia: '10011' } as const;
type Person = keyof typeof PEOPLE;
const SLACK_USER: Record<Person | 'stranger', string> = {
  oliver: 'U0OLIVER',
  priya: 'U0PRIYA',
  lucas: 'U0LUCAS',
  nadia: 'U0NADIA',
  stranger: 'U0STRANGER',
};

interface RequestRow {
  readonly id: string;
  readonly status: string;
  readonly requesterEmployeeNumber: string;
  readonly applicationId: string;
  readonly entitlementKey: string;
  readonly justification: string;
  readonly requestedDurationHours: number | null;
  readonly steps: readonly {
    readonly index: number;
    readonly status: string;
    readonly approvals: readonly { by: { employeeNumber: string | null } }[];
  }[];
  readonly denial: { readonly by: { readonly employeeNumber: string | null } } | null;
}

const REQUESTS = `query($id: ID!) { identity(id: $id) { requests { id status requesterEmployeeNumber applicationId entitlementKey
  justification requestedDurationHours steps { index status approvals { by { employeeNumber } } } denial { by { employeeNumber } } } } }`;

describe('the Slack app: /tenure request, the request modal and approval buttons, against the platform', () => {
  let platform: LaunchedPlatform;
  let slack: SimulatedSlackApi;
  let app: NodeProcess;
  let events: string;
  const identityIds = new Map<Person, string>();
  let interactions = 0;

  async function requestsOf(person: Person): Promise<RequestRow[]> {
    const data = await platform.data<{ identity: { requests: RequestRow[] } }>(
      REQUESTS,
      { id: identityIds.get(person) },
      PLATFORM_ADMIN_TOKEN,
    );
    return data.identity.requests;
  }

  /** A request as Tenure's read model shows it, once `matches` holds (the read model follows the events). */
  function requestOf(person: Person, what: string, matches: (row: RequestRow) => boolean): Promise<RequestRow> {
    return waitFor(what, async () => (await requestsOf(person)).find(matches), 20_000, 100);
  }

  async function send(body: string, headers: Partial<SlackSignatureHeaders>): Promise<{ status: number; text: string }> {
    const response = await postToApp(events, body, headers);
    return { status: response.status, text: await response.text() };
  }

  /** What Slack sends for `/tenure <text>` typed by `user`; its response_url and trigger_id are unique to it. */
  function slashCommand(user: string, text: string) {
    const id = `command-${++interactions}`;
    const body = new URLSearchParams({
      token: 'deprecated-verification-token',
      team_id: 'T0TENURE',
      team_domain: 'tenure',
      channel_id: `D${user}`,
      channel_name: 'directmessage',
      user_id: user,
      user_name: user.toLowerCase(),
      command: '/tenure',
      text,
      api_app_id: 'A0TENURE',
      response_url: slack.responseUrl(id),
      trigger_id: `trigger.${id}`,
    }).toString();
    return { body, responseUrl: slack.responseUrl(id), triggerId: `trigger.${id}` };
  }

  function submission(user: string, values: { entitlement?: string; label?: string; hours?: number; reason?: string }): string {
    interactions += 1;
    return viewSubmissionBody({
      user,
      viewId: `V${interactions}`,
      triggerId: `trigger.submission-${interactions}`,
      entitlement: values.entitlement === undefined ? null : { value: values.entitlement, text: values.label ?? values.entitlement },
      duration: values.hours === undefined ? null : { value: String(values.hours), text: `${values.hours} hours` },
      reason: values.reason ?? null,
    });
  }

  /** A click on an approval message's button, as Slack sends it, with the message the notifications posted. */
  function click(user: string, decision: 'approve' | 'deny', requestId: string) {
    const id = `click-${++interactions}`;
    const ts = `1700000001.${String(interactions).padStart(6, '0')}`;
    const blocks = [
      { type: 'section', block_id: 'summary', text: { type: 'mrkdwn', text: `Oliver Grant asks for a request (${requestId})` } },
      {
        type: 'actions',
        block_id: slackApprovalBlockId(requestId),
        elements: [
          { type: 'button', action_id: SLACK_ACTIONS.approve, value: requestId, text: { type: 'plain_text', text: 'Approve' } },
          { type: 'button', action_id: SLACK_ACTIONS.deny, value: requestId, text: { type: 'plain_text', text: 'Deny' } },
        ],
      },
    ];
    const body = blockActionBody({
      user,
      channel: `D${user}`,
      ts,
      text: 'An access request waits for you',
      blocks,
      responseUrl: slack.responseUrl(id),
      triggerId: `trigger.${id}`,
      action: {
        type: 'button',
        action_id: SLACK_ACTIONS[decision],
        block_id: slackApprovalBlockId(requestId),
        value: requestId,
        text: { type: 'plain_text', text: decision },
        action_ts: '1700000002.000001',
      },
    });
    return { body, responseUrl: slack.responseUrl(id), channel: `D${user}`, ts };
  }

  const signed = (body: string, at = new Date()) => signSlackRequest(SIGNING_SECRET, body, at);
  const answeredAt = (url: string) => slack.waitForCall('response_url', (call) => call.args['url'] === url, 20_000);

  beforeAll(async () => {
    if (!existsSync(APP_SCRIPT)) throw new Error(`${APP_SCRIPT} is missing: build first (npx nx run @tenure/slack-app:build)`);
    slack = await new SimulatedSlackApi([], BOT_TOKEN).start();
    platform = await LaunchedPlatform.start({ INTEGRATION_TOKENS: `slack:${INTEGRATION_TOKEN}` });
    // The workspace's members are the demo people, by the emails Tenure knows them by.
    for (const person of Object.keys(PEOPLE) as Person[]) {
      const data = await platform.data<{ identityByEmployeeNumber: { id: string; email: string } }>(
        'query($n: String!) { identityByEmployeeNumber(employeeNumber: $n) { id email } }',
        { n: PEOPLE[person] },
        PLATFORM_ADMIN_TOKEN,
      );
      identityIds.set(person, data.identityByEmployeeNumber.id);
      slack.addMembers({ id: SLACK_USER[person], email: data.identityByEmployeeNumber.email, emailConfirmed: person !== 'nadia' });
    }
    slack.addMembers({ id: SLACK_USER.stranger, email: 'stranger@example.com' });
    const port = await freePort();
    app = NodeProcess.start('slack', APP_SCRIPT, {
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: slack.url,
      TENURE_API_URL: `${platform.origin}/graphql`,
      TENURE_INTEGRATION_TOKEN: INTEGRATION_TOKEN,
    });
    await app.waitForLog('listening');
    events = `http://127.0.0.1:${port}/slack/events`;
  });

  afterAll(async () => {
    await app?.stop();
    await platform?.stop();
    await slack?.stop();
  });

  it('answers /health', async () => {
    const response = await fetch(events.replace('/slack/events', '/health'));
    expect(response.status).toBe(200);
  });

  it('given /tenure help or an unknown subcommand, when sent signed, then the usage comes back to the person only', async () => {
    for (const text of ['help', 'frobnicate']) {
      const { body } = slashCommand(SLACK_USER.oliver, text);
      const answer = await send(body, signed(body));

      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.text)).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('/tenure request') });
    }
  });

  it('given a command signed with another secret, unsigned, or signed 6 minutes ago, when sent, then 401 and nothing happens', async () => {
    const before = (await requestsOf('oliver')).length;
    const attempts = [
      (body: string) => signSlackRequest('not-the-signing-secret', body),
      () => ({}),
      (body: string) => signed(body, new Date(Date.now() - 6 * 60_000)),
    ];
    for (const sign of attempts) {
      const command = slashCommand(SLACK_USER.oliver, 'request');
      const forged = submission(SLACK_USER.oliver, { entitlement: 'aws-production:viewer', hours: 4, reason: 'forged' });

      expect((await send(command.body, sign(command.body))).status).toBe(401);
      expect((await send(forged, sign(forged))).status).toBe(401);
      expect(
        slack.calls.filter((call) => call.args['trigger_id'] === command.triggerId || call.args['url'] === command.responseUrl),
      ).toEqual([]);
    }
    expect(await requestsOf('oliver')).toHaveLength(before);
  });

  it('given Oliver, when he types /tenure request and submits the modal, then the request is his in Tenure and he gets a direct message', async () => {
    const command = slashCommand(SLACK_USER.oliver, 'request');
    expect((await send(command.body, signed(command.body))).status).toBe(200);
    const opened = await slack.waitForCall('views.open', (call) => call.args['trigger_id'] === command.triggerId, 20_000);
    const options = modalOptions(opened);
    const viewer = options.find((option) => option.value === 'aws-production:viewer');
    expect(viewer).toBeDefined();

    const submitted = submission(SLACK_USER.oliver, {
      entitlement: viewer!.value,
      label: viewer!.text,
      hours: 4,
      reason: 'investigate INC-77 from Slack',
    });
    const answer = await send(submitted, signed(submitted));

    expect(answer.status).toBe(200);
    expect(answer.text).toBe('');
    const created = await requestOf(
      'oliver',
      'the request made from Slack',
      (row) => row.justification === 'investigate INC-77 from Slack',
    );
    expect(created).toMatchObject({
      status: 'PENDING',
      requesterEmployeeNumber: PEOPLE.oliver,
      applicationId: 'aws-production',
      entitlementKey: 'viewer',
      requestedDurationHours: 4,
    });
    const dm = await slack.waitForCall('chat.postMessage', (call) => call.args['channel'] === SLACK_USER.oliver, 20_000);
    expect(dm.token).toBe(BOT_TOKEN);
    expect(dm.args['text']).toMatch(/is waiting for approval/);
  });

  it('given an entitlement policy does not let Oliver request, when he submits, then the modal shows policy’s reasons and nothing is requested', async () => {
    const command = slashCommand(SLACK_USER.oliver, 'request');
    await send(command.body, signed(command.body));
    const erp = modalOptions(await slack.waitForCall('views.open', (call) => call.args['trigger_id'] === command.triggerId, 20_000)).find(
      (option) => option.value.startsWith('erp:'),
    );
    expect(erp).toBeDefined();
    const before = (await requestsOf('oliver')).length;

    const submitted = submission(SLACK_USER.oliver, { entitlement: erp!.value, hours: 24, reason: 'curious' });
    const answer = await send(submitted, signed(submitted));

    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({
      response_action: 'errors',
      errors: { entitlement: expect.stringMatching(/^Policy refuses this request: .*Finance/) },
    });
    expect(await requestsOf('oliver')).toHaveLength(before);
  });

  it('given a modal submitted without a reason, when sent, then the reason field says what is missing', async () => {
    const submitted = submission(SLACK_USER.oliver, { entitlement: 'aws-production:viewer', hours: 4 });
    const answer = await send(submitted, signed(submitted));

    expect(JSON.parse(answer.text)).toEqual({ response_action: 'errors', errors: { reason: expect.stringContaining('Say why') } });
  });

  it('given Oliver’s pending request, when he clicks Approve himself, then Tenure refuses and the refusal is told to him only', async () => {
    const request = await pendingRequestOf('oliver');

    const clicked = click(SLACK_USER.oliver, 'approve', request.id);
    expect((await send(clicked.body, signed(clicked.body))).status).toBe(200);

    const told = await answeredAt(clicked.responseUrl);
    expect(told.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(told.args['text']).toMatch(/their own request/);
    expect(slack.callsOf('chat.update').filter((call) => call.args['ts'] === clicked.ts)).toEqual([]);
    expect((await requestsOf('oliver')).find((row) => row.id === request.id)?.steps[0]).toMatchObject({ status: 'OPEN', approvals: [] });
  });

  it('given the request, when his manager approves and the next approver denies from Slack, then Tenure records who decided and the messages say so', async () => {
    const request = await pendingRequestOf('oliver');

    const approved = click(SLACK_USER.priya, 'approve', request.id);
    expect((await send(approved.body, signed(approved.body))).status).toBe(200);
    const updated = await slack.waitForCall('chat.update', (call) => call.args['ts'] === approved.ts, 20_000);
    const afterApproval = await requestOf(
      'oliver',
      'step 1 approved',
      (row) => row.id === request.id && row.steps[0]?.status === 'APPROVED',
    );
    const nextApprover = afterApproval.steps[1];

    expect(afterApproval.steps[0]).toEqual({ index: 0, status: 'APPROVED', approvals: [{ by: { employeeNumber: PEOPLE.priya } }] });
    expect(updated.args).toMatchObject({
      channel: approved.channel,
      text: expect.stringMatching(/^:white_check_mark: Approved by Priya Raman/),
    });
    expect(JSON.stringify(updated.args['blocks'])).not.toContain(SLACK_ACTIONS.approve);
    expect(nextApprover?.status).toBe('OPEN');

    const denied = click(SLACK_USER.lucas, 'deny', request.id);
    await send(denied.body, signed(denied.body));
    const deniedUpdate = await slack.waitForCall('chat.update', (call) => call.args['ts'] === denied.ts, 20_000);
    const afterDenial = await requestOf('oliver', 'the request denied', (row) => row.id === request.id && row.status !== 'PENDING');

    expect(deniedUpdate.args['text']).toMatch(/^:x: Denied by Lucas Brennan/);
    expect(afterDenial).toMatchObject({ status: 'DENIED', denial: { by: { employeeNumber: PEOPLE.lucas } } });

    const late = click(SLACK_USER.priya, 'approve', request.id);
    await send(late.body, signed(late.body));
    expect((await answeredAt(late.responseUrl)).args['text']).toMatch(/^Already decided: .*denied/);
  });

  it('given an approval message Slack no longer lets the app change, when the manager approves, then it is recorded and she is told', async () => {
    const submitted = submission(SLACK_USER.oliver, {
      entitlement: 'aws-production:viewer',
      hours: 1,
      reason: 'second request from Slack',
    });
    expect((await send(submitted, signed(submitted))).text).toBe('');
    const request = await requestOf('oliver', 'the second request', (row) => row.justification === 'second request from Slack');
    slack.failNext('chat.update', 'message_not_found');

    const approved = click(SLACK_USER.priya, 'approve', request.id);
    await send(approved.body, signed(approved.body));

    expect((await answeredAt(approved.responseUrl)).args['text']).toMatch(/^:white_check_mark: Approved by Priya Raman/);
    const recorded = await requestOf('oliver', 'step 1 approved', (row) => row.id === request.id && row.steps[0]?.status === 'APPROVED');
    expect(recorded.steps[0]?.approvals).toEqual([{ by: { employeeNumber: PEOPLE.priya } }]);
  });

  it('given a Slack user whose email Slack has not confirmed, when they use /tenure request or submit, then they are refused and nothing is requested', async () => {
    const before = (await requestsOf('nadia')).length;
    const command = slashCommand(SLACK_USER.nadia, 'request');

    expect((await send(command.body, signed(command.body))).status).toBe(200);
    const told = await answeredAt(command.responseUrl);
    const submitted = submission(SLACK_USER.nadia, { entitlement: 'aws-production:viewer', hours: 4, reason: 'unconfirmed' });
    const answer = JSON.parse((await send(submitted, signed(submitted))).text) as { errors: Record<string, string> };

    expect(told.args).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/has not confirmed your email address/) });
    expect(slack.callsOf('views.open').filter((call) => call.args['trigger_id'] === command.triggerId)).toEqual([]);
    expect(answer.errors['entitlement']).toMatch(/has not confirmed your email address/);
    expect(await requestsOf('nadia')).toHaveLength(before);
  });

  it('given a Slack user whose email nobody in Tenure has, when they use /tenure request, then they are told Tenure cannot act for them', async () => {
    const command = slashCommand(SLACK_USER.stranger, 'request');
    await send(command.body, signed(command.body));

    expect((await answeredAt(command.responseUrl)).args['text']).toBe(
      'Tenure cannot act for you: no identity in Tenure has the email stranger@example.com.',
    );
  });

  it('never writes its tokens or the signing secret to its logs', () => {
    const output = app.logs.map((line) => JSON.stringify(line)).join('\n');
    expect(output).not.toContain(INTEGRATION_TOKEN);
    expect(output).not.toContain(BOT_TOKEN);
    expect(output).not.toContain(SIGNING_SECRET);
  });

  async function pendingRequestOf(person: Person): Promise<RequestRow> {
    const pending = (await requestsOf(person)).find(
      (row) => row.status === 'PENDING' && row.justification === 'investigate INC-77 from Slack',
    );
    if (!pending) throw new Error(`${person} has no pending request made from Slack`);
    return pending;
  }
});
