import path from 'node:path';
import type { LauncherConfig } from './launcher-config';
import type { PlannedProcess } from './platform-processes';

/**
 * The integration token the gateway accepts from the Slack app in development (`slack:<token>` in the
 * gateway's INTEGRATION_TOKENS), documented in docs/slack.md. INTEGRATION_TOKENS in the launcher's own
 * environment wins; any NODE_ENV but development gets none.
 */
export const DEMO_SLACK_INTEGRATION_TOKEN = 'tenure-demo-slack-integration-token';
/** The name the Slack app's token goes by in INTEGRATION_TOKENS (and in the gateway's logs). */
export const SLACK_INTEGRATION_NAME = 'slack';

const HOST = '127.0.0.1';

/** The gateway's INTEGRATION_TOKENS: the launcher's own, else the demo Slack app's in development. */
export function integrationTokensEnv(config: LauncherConfig, env: NodeJS.ProcessEnv): Record<string, string> {
  if (env['INTEGRATION_TOKENS'] || config.NODE_ENV !== 'development') return {};
  return { INTEGRATION_TOKENS: `${SLACK_INTEGRATION_NAME}:${DEMO_SLACK_INTEGRATION_TOKEN}` };
}

/** The token the Slack app presents: TENURE_INTEGRATION_TOKEN, else the one named `slack` in the gateway's INTEGRATION_TOKENS. */
function slackIntegrationToken(config: LauncherConfig, env: NodeJS.ProcessEnv): string | undefined {
  if (env['TENURE_INTEGRATION_TOKEN']) return env['TENURE_INTEGRATION_TOKEN'];
  const configured = env['INTEGRATION_TOKENS'] ?? integrationTokensEnv(config, env)['INTEGRATION_TOKENS'] ?? '';
  for (const entry of configured.split(',')) {
    const separator = entry.indexOf(':');
    if (separator > 0 && entry.slice(0, separator).trim() === SLACK_INTEGRATION_NAME) return entry.slice(separator + 1).trim();
  }
  return undefined;
}

/**
 * The Slack app (`slack/`), after the gateway, only when the workspace's app is configured
 * (SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN): `npm start` without them runs no Slack app at all.
 */
export function planSlackApp(config: LauncherConfig, root: string, env: NodeJS.ProcessEnv): PlannedProcess | undefined {
  if (!env['SLACK_SIGNING_SECRET'] || !env['SLACK_BOT_TOKEN']) return undefined;
  const folder = path.join(root, 'slack');
  const entryPoint = path.join(folder, 'dist', 'main.js');
  const port = config.SLACK_APP_PORT;
  const token = slackIntegrationToken(config, env);
  return {
    name: 'slack',
    stage: 2,
    port,
    portVariable: 'SLACK_APP_PORT',
    entryPoint,
    spec: () => ({
      name: 'slack',
      command: process.execPath,
      args: [entryPoint],
      cwd: folder,
      env: {
        // Loopback, as everything the launcher runs: Slack reaches it through a tunnel or a proxy to this port.
        HOST,
        PORT: String(port),
        LOG_LEVEL: config.LOG_LEVEL,
        NODE_ENV: config.NODE_ENV,
        TENURE_API_URL: `http://${HOST}:${config.GATEWAY_PORT}/graphql`,
        ...(token ? { TENURE_INTEGRATION_TOKEN: token } : {}),
      },
      readyUrl: `http://${HOST}:${port}/health`,
      port,
    }),
  };
}
