import { logLevelSchema, portSchema } from '@tenure/platform';
import { z } from 'zod';

/** The Slack app's configuration, from the environment; every bad value is named at start. */
export const slackAppConfigSchema = z.object({
  /** From the Slack app's "Basic Information": every request from Slack is signed with it (never logged). */
  SLACK_SIGNING_SECRET: z.string().min(1, 'is required: the app refuses every request it cannot verify'),
  /** The bot token (xoxb-...) from "OAuth & Permissions" (never logged). */
  SLACK_BOT_TOKEN: z.string().min(1, 'is required to answer in Slack'),
  /** Slack's Web API; another only for a test stand-in. */
  SLACK_API_URL: z.url({ protocol: /^https?$/ }).default('https://slack.com/api/'),
  /** The gateway's GraphQL endpoint. */
  TENURE_API_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:4000/graphql'),
  /** This app's token from the gateway's INTEGRATION_TOKENS (never logged). */
  TENURE_INTEGRATION_TOKEN: z
    .string()
    .min(32, 'must be the Slack app’s token from the gateway’s INTEGRATION_TOKENS (at least 32 characters)'),
  PORT: portSchema.default(4105),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: logLevelSchema,
  NODE_ENV: z.string().default('development'),
});

export type SlackAppConfig = z.infer<typeof slackAppConfigSchema>;
