import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@tenure/platform';
import { postGraphql } from './graphql-client';
import { NodeProcess } from './node-process';
import { createTestDatabase, type TestDatabase } from './test-database';

const REPOSITORY_ROOT = join(__dirname, '..', '..', '..');
const LAUNCHER_SCRIPT = join(REPOSITORY_ROOT, 'libs', 'launcher', 'dist', 'main.js');

export const PLATFORM_ADMIN_TOKEN = 'e2e-platform-admin-token';
export const PLATFORM_SCIM_TOKEN = 'e2e-platform-scim-token';
export const PLATFORM_METRICS_TOKEN = 'e2e-platform-metrics-token';

export type PlatformService = 'identity' | 'policy' | 'workflow' | 'connector';

export interface GraphqlReply<Data> {
  readonly data?: Data;
  readonly errors?: readonly { readonly message: string; readonly extensions?: { readonly code?: string } }[];
}

/**
 * The whole platform as `npm start` runs it (the launcher: demo company, demo policy, demo
 * applications, the development OpenID provider, the four services, the gateway and the portal, each
 * its own process), on a fresh test database and data directory, with its own tokens and free ports.
 * Clients reach it only through the gateway's and the portal's origins. Needs everything built.
 */
export class LaunchedPlatform {
  /** Use `start()`; public so that test projects can add their own helpers in a subclass. */
  constructor(
    private readonly launcher: NodeProcess,
    private readonly database: TestDatabase,
    private readonly dataDir: string,
    readonly origin: string,
    /** The built-in development OpenID provider the launcher started, as the browser and the gateway know it. */
    readonly issuer: string,
    /** Where the portal answers, when the repository has one. */
    readonly portalOrigin: string,
    /** Each service's own origin (its /health, /ready and /metrics; clients use the gateway). */
    readonly serviceOrigins: Readonly<Record<PlatformService, string>>,
  ) {}

  /** `env` is added to the launcher's environment, which every process it starts inherits (e.g. OTEL_* to trace them). */
  static async start<Platform extends LaunchedPlatform>(
    this: new (...args: ConstructorParameters<typeof LaunchedPlatform>) => Platform,
    env: Readonly<Record<string, string>> = {},
  ): Promise<Platform> {
    const database = await createTestDatabase(4);
    const dataDir = mkdtempSync(join(tmpdir(), 'tenure-e2e-'));
    const ports = {
      GATEWAY_PORT: await freePort(),
      IDENTITY_PORT: await freePort(),
      POLICY_PORT: await freePort(),
      WORKFLOW_PORT: await freePort(),
      CONNECTOR_PORT: await freePort(),
      PORTAL_PORT: await freePort(),
      IDP_PORT: await freePort(),
    };
    const launcher = NodeProcess.start('launcher', LAUNCHER_SCRIPT, {
      ...Object.fromEntries(Object.entries(ports).map(([name, port]) => [name, String(port)])),
      DATABASE_URL: database.url,
      TENURE_DATA_DIR: dataDir,
      ADMIN_TOKENS: PLATFORM_ADMIN_TOKEN,
      SCIM_TOKENS: PLATFORM_SCIM_TOKEN,
      METRICS_TOKENS: PLATFORM_METRICS_TOKEN,
      LOG_LEVEL: 'warn',
      ...env,
    });
    await launcher.waitForOutput('Tenure is up', 240_000);
    return new this(
      launcher,
      database,
      dataDir,
      `http://127.0.0.1:${ports.GATEWAY_PORT}`,
      `http://localhost:${ports.IDP_PORT}`,
      `http://localhost:${ports.PORTAL_PORT}`,
      {
        identity: `http://127.0.0.1:${ports.IDENTITY_PORT}`,
        policy: `http://127.0.0.1:${ports.POLICY_PORT}`,
        workflow: `http://127.0.0.1:${ports.WORKFLOW_PORT}`,
        connector: `http://127.0.0.1:${ports.CONNECTOR_PORT}`,
      },
    );
  }

  /** The launcher's data directory (its generated keys are there): for tools a test runs beside the platform. */
  get dataDirectory(): string {
    return this.dataDir;
  }

  /** The platform's database (a secret: for tools a test runs beside the platform, never for output). */
  get databaseUrl(): string {
    return this.database.url;
  }

  async stop(): Promise<void> {
    await this.launcher.stop('SIGINT', 60_000);
    await this.database.drop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  graphql<Data>(query: string, variables: Record<string, unknown>, token: string | null): Promise<GraphqlReply<Data>> {
    return postGraphql<Data>(this.origin, query, variables, token);
  }

  /** The data of a GraphQL answer, or the test fails with its errors. */
  async data<Data>(query: string, variables: Record<string, unknown>, token: string | null): Promise<Data> {
    const reply = await this.graphql<Data>(query, variables, token);
    if (reply.errors?.length || !reply.data) throw new Error(`GraphQL errors: ${JSON.stringify(reply.errors)}`);
    return reply.data;
  }

  async scim(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${this.origin}/scim/v2${path}`, {
      method,
      headers: { authorization: `Bearer ${PLATFORM_SCIM_TOKEN}`, 'content-type': 'application/scim+json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }
}
