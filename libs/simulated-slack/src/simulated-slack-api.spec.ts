import { WebClient, ErrorCode, type WebAPIPlatformError } from '@slack/web-api';
import { SimulatedSlackApi } from './simulated-slack-api';
import { signSlackRequest } from './slack-signing';

// The stand-in is driven with Slack's own client library, so what the app sends and reads is what it would with Slack.

const BOT_TOKEN = 'xoxb-simulated';

describe('simulated Slack Web API, through @slack/web-api', () => {
  const slack = new SimulatedSlackApi(
    [
      { id: 'U100', email: 'ada@example.com', realName: 'Ada' },
      { id: 'U200', email: 'bob@example.com', emailConfirmed: false },
    ],
    BOT_TOKEN,
  );
  let client: WebClient;

  beforeAll(async () => {
    await slack.start();
    client = new WebClient(BOT_TOKEN, { slackApiUrl: slack.url, retryConfig: { retries: 0 } });
  });
  afterAll(() => slack.stop());

  it('given a member, when looked up by email or id, then Slack’s user shape comes back with whether the email is confirmed', async () => {
    const byEmail = await client.users.lookupByEmail({ email: 'ADA@example.com' });
    expect(byEmail.user).toMatchObject({ id: 'U100', profile: { email: 'ada@example.com' }, is_email_confirmed: true });
    const byId = await client.users.info({ user: 'U200' });
    expect(byId.user).toMatchObject({ id: 'U200', is_email_confirmed: false });
  });

  it('given an unknown member, when looked up, then the client throws Slack’s users_not_found', async () => {
    await expect(client.users.lookupByEmail({ email: 'nobody@example.com' })).rejects.toMatchObject({
      code: ErrorCode.PlatformError,
      data: { error: 'users_not_found' },
    });
  });

  it('given a message with blocks, when posted to a user, then it lands in their DM and the call is recorded with its arguments and answer', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*hello*' } }];
    const posted = await client.chat.postMessage({ channel: 'U100', text: 'hello', blocks });
    expect(posted.ts).toMatch(/^\d+\.\d+$/);
    expect(posted.channel).toBe('DU100');
    const call = await slack.waitForCall('chat.postMessage', (candidate) => candidate.args['channel'] === 'U100');
    expect(call).toMatchObject({
      token: BOT_TOKEN,
      args: { text: 'hello', blocks },
      answer: { ok: true, channel: 'DU100', ts: posted.ts },
    });
  });

  it('given a wrong token or a failure asked for, when called, then the client sees the platform error', async () => {
    const wrong = new WebClient('xoxb-wrong', { slackApiUrl: slack.url, retryConfig: { retries: 0 } });
    const refused = await wrong.auth.test().catch((error: WebAPIPlatformError) => error);
    expect(refused).toMatchObject({ data: { error: 'invalid_auth' } });
    slack.failNext('chat.postMessage', 'channel_not_found');
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).resolves.toMatchObject({ ok: true });
  });

  it('given a member added later and a response_url, when used, then the member is known and what was posted is recorded', async () => {
    slack.addMembers({ id: 'U300', email: 'cy@example.com' });
    await expect(client.users.info({ user: 'U300' })).resolves.toMatchObject({ user: { profile: { email: 'cy@example.com' } } });

    const url = slack.responseUrl('command-1');
    const posted = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', text: 'only for you' }),
    });

    expect(posted.status).toBe(200);
    expect(await slack.waitForCall('response_url', (call) => call.args['url'] === url)).toMatchObject({
      args: { response_type: 'ephemeral', text: 'only for you' },
      token: null,
    });
  });

  it('given an ephemeral message or a view update, when sent, then Slack’s answer comes back', async () => {
    await expect(client.chat.postEphemeral({ channel: 'C1', user: 'U100', text: 'psst' })).resolves.toMatchObject({ ok: true });
    await expect(
      client.views.update({ view_id: 'V1', view: { type: 'modal', title: { type: 'plain_text', text: 't' }, blocks: [] } }),
    ).resolves.toMatchObject({
      ok: true,
      view: { id: 'V1' },
    });
  });

  it('given a body, when signed, then the signature is v0 HMAC-SHA256 of the timestamp and body (Slack’s documented example)', () => {
    // The example from Slack's "Verifying requests from Slack" page.
    const secret = '8f742231b10e8888abcd99yyyzzz85a5';
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(signSlackRequest(secret, body, new Date(1531420618 * 1000))).toEqual({
      'x-slack-request-timestamp': '1531420618',
      'x-slack-signature': 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    });
  });
});
