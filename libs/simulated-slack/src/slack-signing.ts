import { createHmac } from 'node:crypto';

/** The headers Slack sends with every request to an app: a timestamp and an HMAC-SHA256 of `v0:<timestamp>:<body>`. */
export interface SlackSignatureHeaders {
  readonly 'x-slack-request-timestamp': string;
  readonly 'x-slack-signature': string;
}

/**
 * Signs a request body as Slack does (https://api.slack.com/authentication/verifying-requests-from-slack),
 * so tests can send an app what Slack would send, or sign it with the wrong secret or an old timestamp.
 */
export function signSlackRequest(signingSecret: string, rawBody: string, at: Date = new Date()): SlackSignatureHeaders {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const digest = createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex');
  return { 'x-slack-request-timestamp': timestamp, 'x-slack-signature': `v0=${digest}` };
}
