import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, ExpressReceiver } from '@slack/bolt';
import { SLACK_ACTIONS, SLACK_COMMAND, SLACK_REQUEST_MODAL } from '@tenure/contracts';
import type { Logger } from '@tenure/platform';
import type { SlackAppConfig } from './config';
import { approvalAction } from './handlers/approval-action';
import type { HandlerContext } from './handlers/context';
import { requestSubmission } from './handlers/request-submission';
import { tenureCommand } from './handlers/tenure-command';
import { boltLogger } from './slack/bolt-logger';
import { TenureClient } from './tenure/tenure-client';
import { TenureOperations } from './tenure/tenure-operations';

/** Where Slack sends slash commands and interactivity (the app manifest's request URLs). */
export const SLACK_EVENTS_PATH = '/slack/events';

export interface RunningSlackApp {
  /** The app's origin, e.g. http://127.0.0.1:4105. */
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * The Slack app over HTTP: Bolt's Express receiver verifies every request's signature with the signing
 * secret (wrong, missing, or older than 5 minutes: 401, and no handler runs), then `/tenure`, the
 * request modal and the approval buttons are handled; `/health` answers for the launcher.
 */
export async function startSlackApp(config: SlackAppConfig, logger: Logger, now: () => Date = () => new Date()): Promise<RunningSlackApp> {
  const receiver = new ExpressReceiver({
    signingSecret: config.SLACK_SIGNING_SECRET,
    endpoints: SLACK_EVENTS_PATH,
    logger: boltLogger(logger),
  });
  const app = new App({
    token: config.SLACK_BOT_TOKEN,
    receiver,
    logger: boltLogger(logger),
    clientOptions: { slackApiUrl: config.SLACK_API_URL },
  });
  const context: HandlerContext = {
    tenure: new TenureOperations(new TenureClient({ url: config.TENURE_API_URL, integrationToken: config.TENURE_INTEGRATION_TOKEN })),
    logger,
    now,
  };
  app.command(SLACK_COMMAND, tenureCommand(context));
  app.view(SLACK_REQUEST_MODAL, requestSubmission(context));
  app.action(SLACK_ACTIONS.approve, approvalAction(context, 'approve'));
  app.action(SLACK_ACTIONS.deny, approvalAction(context, 'deny'));
  app.error(async (error) => {
    logger.error({ err: error }, 'a Slack request failed');
  });
  receiver.router.get('/health', (_request, response) => {
    response.json({ status: 'ok' });
  });

  const server = createServer(receiver.app);
  await listen(server, config.PORT, config.HOST);
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
