import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readOrCreateConnectorCredentialsKey } from './connector-credentials-key';
import { resolveDataDir, type LauncherConfig, type PortVariable } from './launcher-config';
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

/**
 * The HMAC secret the local platform's HR webhook (`/hr/webhook`) accepts in development,
 * documented in the README; HR_WEBHOOK_SECRETS in the launcher's own environment wins.
 */
export const DEMO_HR_WEBHOOK_SECRET = 'tenure-demo-hr-webhook-secret';

/**
 * The secret every service verifies person tokens with in development (interim, until sign-in through
 * OIDC at the gateway: issue 7), documented in the README; `npm run person-token -- <employeeNumber>`
 * signs with it too. PERSON_TOKEN_SECRET in the launcher's own environment wins; any NODE_ENV but
 * development gets none, and person tokens are refused until PERSON_TOKEN_SECRET is configured.
 */
export const DEMO_PERSON_TOKEN_SECRET = 'tenure-demo-person-token-secret-not-for-production';

/**
 * Development secrets: the administrator token and person token secret for every service, the HR inputs' for identity, and
 * for the connector the key that seals application credentials (generated once into the data directory).
 */
function serviceSpecificEnv(
  name: (typeof SERVICES)[number]['name'],
  config: LauncherConfig,
  env: NodeJS.ProcessEnv,
  root: string,
): Record<string, string> {
  if (config.NODE_ENV !== 'development') return {};
  // Every service takes the demo administrator token and person token secret; the HR inputs are identity's.
  const admin: Record<string, string> = {
    ...(env['ADMIN_TOKENS'] ? {} : { ADMIN_TOKENS: DEMO_ADMIN_TOKEN }),
    ...(env['PERSON_TOKEN_SECRET'] ? {} : { PERSON_TOKEN_SECRET: DEMO_PERSON_TOKEN_SECRET }),
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

/** The four services, then the gateway in front of them, then the portal once the repository has one. */
export function planPlatformProcesses(
  config: LauncherConfig,
  root: string,
  env: NodeJS.ProcessEnv = process.env,
): readonly PlannedProcess[] {
  const common = { HOST, LOG_LEVEL: config.LOG_LEVEL, NODE_ENV: config.NODE_ENV };
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
        env: { ...common, ...serviceSpecificEnv(service.name, config, env, root), PORT: String(port), DATABASE_URL: databaseUrl },
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
      env: { ...common, ...subgraphUrls, PORT: String(config.GATEWAY_PORT) },
      readyUrl: `http://${HOST}:${config.GATEWAY_PORT}/ready`,
      port: config.GATEWAY_PORT,
    }),
  };

  const portal = planPortal(config, root);
  return portal ? [...services, gateway, portal] : [...services, gateway];
}

/** The portal joins once web/ has a `start` script (the Next.js portal is not built yet). */
function planPortal(config: LauncherConfig, root: string): PlannedProcess | undefined {
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
    entryPoint: manifestFile,
    spec: () => ({
      name: 'portal',
      command: 'npm',
      args: ['run', 'start', '--silent'],
      cwd: folder,
      env: {
        HOSTNAME: HOST,
        PORT: String(port),
        GATEWAY_URL: `http://${HOST}:${config.GATEWAY_PORT}/graphql`,
        LOG_LEVEL: config.LOG_LEVEL,
        NODE_ENV: 'production',
      },
      readyUrl: `http://${HOST}:${port}/`,
      port,
    }),
  };
}
