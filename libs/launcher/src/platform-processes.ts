import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readOrCreateConnectorCredentialsKey } from './connector-credentials-key';
import { personalDataKeyEnv } from './personal-data-key';
import { resolveDataDir, type LauncherConfig, type PortVariable } from './launcher-config';
import { integrationTokensEnv, planSlackApp } from './slack-app-process';
import type { ProcessSpec } from './supervisor';

/** A process of the platform, before the database URL it needs is known. */
export interface PlannedProcess {
  readonly name: string;
  /** Processes of one stage start together, once the previous stage is ready. */
  readonly stage: number;
  readonly port: number;
  readonly portVariable: PortVariable;
  /** The file that must exist (built) for it to start. */
  readonly entryPoint: string;
  spec(databaseUrl: string): ProcessSpec;
}

const SERVICES = [
  { name: 'identity', portVariable: 'IDENTITY_PORT', urlVariable: 'IDENTITY_URL' },
  { name: 'policy', portVariable: 'POLICY_PORT', urlVariable: 'POLICY_URL' },
  { name: 'workflow', portVariable: 'WORKFLOW_PORT', urlVariable: 'WORKFLOW_URL' },
  { name: 'connector', portVariable: 'CONNECTOR_PORT', urlVariable: 'CONNECTOR_URL' },
] as const;

// Everything listens on loopback: the launcher runs a development platform, not a public one.
const HOST = '127.0.0.1';

/**
 * The bearer token the local platform's SCIM endpoint accepts in development, documented in the
 * README so an HR system (or curl) can push users right away. SCIM_TOKENS in the launcher's own
 * environment wins (every service inherits it); any NODE_ENV but development gets no demo token,
 * and SCIM answers 503 until SCIM_TOKENS is configured.
 */
export const DEMO_SCIM_TOKEN = 'tenure-demo-scim-token';

/**
 * The administrator bearer token every service's administrator mutations accept in development
 * (interim, until OIDC: issue 7), documented in the README. ADMIN_TOKENS in the launcher's own
 * environment wins; any NODE_ENV but development gets none, and the mutations are refused until
 * ADMIN_TOKENS is configured.
 */
export const DEMO_ADMIN_TOKEN = 'tenure-demo-admin-token';
/** What Prometheus presents to the services' /metrics in the demo (METRICS_TOKENS overrides it). */
export const DEMO_METRICS_TOKEN = 'tenure-demo-metrics-token';

/**
 * The HMAC secret the local platform's HR webhook (`/hr/webhook`) accepts in development,
 * documented in the README; HR_WEBHOOK_SECRETS in the launcher's own environment wins.
 */
export const DEMO_HR_WEBHOOK_SECRET = 'tenure-demo-hr-webhook-secret';

/**
 * The secret the portal's client authenticates to the development OpenID provider with, documented
 * in libs/dev-identity-provider/README.md. PORTAL_CLIENT_SECRET in the launcher's environment wins.
 */
export const DEMO_PORTAL_CLIENT_SECRET = 'tenure-demo-portal-client-secret';

/**
 * Secrets nobody needs to know, made fresh for each run when not configured: the one the gateway
 * signs caller tokens with (the services verify them) and the one the portal seals sessions with.
 * A fresh secret per run means no demo secret anyone could read in the README and forge with.
 */
export interface RunSecrets {
  readonly callerTokenSecret: string;
  readonly portalSessionSecret: string;
}

export function runSecrets(env: NodeJS.ProcessEnv): RunSecrets {
  return {
    callerTokenSecret: env['CALLER_TOKEN_SECRET'] || randomBytes(32).toString('base64url'),
    portalSessionSecret: env['PORTAL_SESSION_SECRET'] || randomBytes(32).toString('base64url'),
  };
}

/**
 * The OpenID provider people sign in with: the organisation's (OIDC_ISSUER), else the built-in
 * development one; in production none unless configured (only API tokens work then).
 */
export function issuerOf(config: LauncherConfig): string | undefined {
  if (config.OIDC_ISSUER) return config.OIDC_ISSUER;
  return config.NODE_ENV === 'production' ? undefined : `http://localhost:${config.IDP_PORT}`;
}

function issuerEnv(config: LauncherConfig): Record<string, string> {
  const issuer = issuerOf(config);
  return issuer ? { OIDC_ISSUER: issuer } : {};
}

/**
 * Development secrets: the administrator token for every service, the HR inputs' for identity, and
 * for the connector the key that seals application credentials (generated once into the data directory).
 */
function serviceSpecificEnv(
  name: (typeof SERVICES)[number]['name'],
  config: LauncherConfig,
  env: NodeJS.ProcessEnv,
  root: string,
): Record<string, string> {
  if (config.NODE_ENV !== 'development') return {};
  // Every service takes the demo administrator token; the HR inputs are identity's.
  const admin: Record<string, string> = {
    ...(env['ADMIN_TOKENS'] ? {} : { ADMIN_TOKENS: DEMO_ADMIN_TOKEN }),
    ...(env['METRICS_TOKENS'] ? {} : { METRICS_TOKENS: DEMO_METRICS_TOKEN }),
  };
  if (name === 'connector') {
    if (env['CONNECTOR_CREDENTIALS_KEY']) return admin;
    return { ...admin, CONNECTOR_CREDENTIALS_KEY: readOrCreateConnectorCredentialsKey(resolveDataDir(config, root)) };
  }
  if (name !== 'identity') return admin;
  return {
    ...(env['SCIM_TOKENS'] ? {} : { SCIM_TOKENS: DEMO_SCIM_TOKEN }),
    ...admin,
    ...(env['HR_WEBHOOK_SECRETS'] ? {} : { HR_WEBHOOK_SECRETS: DEMO_HR_WEBHOOK_SECRET }),
  };
}

/**
 * The four services (and, in development without OIDC_ISSUER, the built-in OpenID provider), then the
 * gateway in front of them, then the portal (and the Slack app when one is configured).
 */
export function planPlatformProcesses(
  config: LauncherConfig,
  root: string,
  env: NodeJS.ProcessEnv = process.env,
  secrets: RunSecrets = runSecrets(env),
): readonly PlannedProcess[] {
  const common = { HOST, LOG_LEVEL: config.LOG_LEVEL, NODE_ENV: config.NODE_ENV, CALLER_TOKEN_SECRET: secrets.callerTokenSecret };
  const services = SERVICES.map((service): PlannedProcess => {
    const port = config[service.portVariable];
    const folder = path.join(root, 'services', service.name);
    const entryPoint = path.join(folder, 'dist', 'main.js');
    return {
      name: service.name,
      stage: 0,
      port,
      portVariable: service.portVariable,
      entryPoint,
      spec: (databaseUrl) => ({
        name: service.name,
        command: process.execPath,
        args: [entryPoint],
        cwd: folder,
        env: {
          ...common,
          // Every service reads events, and every one reveals the personal data in them: all four take the master key.
          ...personalDataKeyEnv(config.NODE_ENV, env, () => resolveDataDir(config, root)),
          ...serviceSpecificEnv(service.name, config, env, root),
          ...(service.name === 'workflow' ? notificationLinksEnv(config, env) : {}),
          PORT: String(port),
          DATABASE_URL: databaseUrl,
        },
        readyUrl: `http://${HOST}:${port}/ready`,
        port,
      }),
    };
  });

  const gatewayFolder = path.join(root, 'gateway');
  const gatewayEntryPoint = path.join(gatewayFolder, 'dist', 'main.js');
  const subgraphUrls = Object.fromEntries(
    SERVICES.map((service) => [service.urlVariable, `http://${HOST}:${config[service.portVariable]}/graphql`]),
  );
  const gateway: PlannedProcess = {
    name: 'gateway',
    stage: 1,
    port: config.GATEWAY_PORT,
    portVariable: 'GATEWAY_PORT',
    entryPoint: gatewayEntryPoint,
    spec: () => ({
      name: 'gateway',
      command: process.execPath,
      args: [gatewayEntryPoint],
      cwd: gatewayFolder,
      env: {
        ...common,
        ...subgraphUrls,
        ...(config.NODE_ENV === 'development' && !env['ADMIN_TOKENS'] ? { ADMIN_TOKENS: DEMO_ADMIN_TOKEN } : {}),
        ...integrationTokensEnv(config, env),
        ...issuerEnv(config),
        PORT: String(config.GATEWAY_PORT),
      },
      readyUrl: `http://${HOST}:${config.GATEWAY_PORT}/ready`,
      port: config.GATEWAY_PORT,
    }),
  };

  const identityProvider = planIdentityProvider(config, root, env);
  const portal = planPortal(config, root, env, secrets);
  const slack = planSlackApp(config, root, env);
  return [...(identityProvider ? [identityProvider] : []), ...services, gateway, ...(portal ? [portal] : []), ...(slack ? [slack] : [])];
}

/** The built-in development OpenID provider, with the demo company's people as users; never in production. */
function planIdentityProvider(config: LauncherConfig, root: string, env: NodeJS.ProcessEnv): PlannedProcess | undefined {
  if (config.OIDC_ISSUER || config.NODE_ENV === 'production') return undefined;
  const folder = path.join(root, 'libs', 'dev-identity-provider');
  const entryPoint = path.join(folder, 'dist', 'main.js');
  const port = config.IDP_PORT;
  return {
    name: 'identity-provider',
    stage: 0,
    port,
    portVariable: 'IDP_PORT',
    entryPoint,
    spec: () => ({
      name: 'identity-provider',
      command: process.execPath,
      args: [entryPoint],
      cwd: folder,
      env: {
        HOST,
        LOG_LEVEL: config.LOG_LEVEL,
        NODE_ENV: config.NODE_ENV,
        IDP_PORT: String(port),
        ...issuerEnv(config),
        IDP_USERS_FILE: path.join(root, 'services', 'identity', 'demo', 'demo-company.csv'),
        TENURE_DATA_DIR: resolveDataDir(config, root),
        PORTAL_ORIGIN: portalOrigin(config),
        PORTAL_CLIENT_SECRET: env['PORTAL_CLIENT_SECRET'] || DEMO_PORTAL_CLIENT_SECRET,
      },
      readyUrl: `http://${HOST}:${port}/.well-known/openid-configuration`,
      port,
    }),
  };
}

/**
 * Links in the workflow service's notifications (emails, Slack messages) point at the portal the
 * launcher runs, on whatever PORTAL_PORT is; PORTAL_URL in the launcher's environment (the portal's
 * public address behind a proxy) wins.
 */
function notificationLinksEnv(config: LauncherConfig, env: NodeJS.ProcessEnv): Record<string, string> {
  return env['PORTAL_URL'] ? {} : { PORTAL_URL: portalOrigin(config) };
}

/** Where people open the portal; the provider sends them back there after sign-in. */
function portalOrigin(config: LauncherConfig): string {
  return `http://localhost:${config.PORTAL_PORT}`;
}

/** The portal joins once web/ has a `start` script. */
function planPortal(config: LauncherConfig, root: string, env: NodeJS.ProcessEnv, secrets: RunSecrets): PlannedProcess | undefined {
  const folder = path.join(root, 'web');
  const manifestFile = path.join(folder, 'package.json');
  if (!existsSync(manifestFile)) return undefined;
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { scripts?: Record<string, string> };
  if (!manifest.scripts?.['start']) return undefined;
  const port = config.PORTAL_PORT;
  return {
    name: 'portal',
    stage: 2,
    port,
    portVariable: 'PORTAL_PORT',
    // What `next build` leaves behind: without it `next start` has nothing to serve.
    entryPoint: path.join(folder, '.next', 'BUILD_ID'),
    spec: () => ({
      name: 'portal',
      command: 'npm',
      args: ['run', 'start', '--silent'],
      cwd: folder,
      env: {
        HOSTNAME: HOST,
        PORT: String(port),
        GATEWAY_URL: `http://${HOST}:${config.GATEWAY_PORT}`,
        ...issuerEnv(config),
        OIDC_CLIENT_ID: env['OIDC_CLIENT_ID'] || 'tenure-portal',
        OIDC_CLIENT_SECRET: env['OIDC_CLIENT_SECRET'] || env['PORTAL_CLIENT_SECRET'] || DEMO_PORTAL_CLIENT_SECRET,
        PORTAL_ORIGIN: portalOrigin(config),
        PORTAL_SESSION_SECRET: secrets.portalSessionSecret,
        LOG_LEVEL: config.LOG_LEVEL,
        NODE_ENV: 'production',
      },
      readyUrl: `http://${HOST}:${port}/health`,
      port,
    }),
  };
}
