import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintPersonToken } from '@tenure/service-runtime';
import { createTestDatabase, freePort, NodeProcess, postGraphql, type TestDatabase } from '@tenure/testing';

const REPOSITORY_ROOT = join(__dirname, '..', '..', '..');
const LAUNCHER_SCRIPT = join(REPOSITORY_ROOT, 'libs', 'launcher', 'dist', 'main.js');

export const ADMIN_TOKEN = 'e2e-platform-admin-token';
export const SCIM_TOKEN = 'e2e-platform-scim-token';
const PERSON_TOKEN_SECRET = 'e2e-platform-person-token-secret-0123456789';

export interface GraphqlReply<Data> {
  readonly data?: Data;
  readonly errors?: readonly { readonly message: string; readonly extensions?: { readonly code?: string } }[];
}

/**
 * The whole platform as `npm start` runs it (the launcher: demo company, demo policy, demo
 * applications, the four services and the gateway, each its own process), on a fresh test database
 * and data directory, with its own tokens. Clients reach it only through the gateway's origin.
 */
export class PlatformUnderTest {
  private constructor(
    private readonly launcher: NodeProcess,
    private readonly database: TestDatabase,
    private readonly dataDir: string,
    readonly origin: string,
  ) {}

  static async start(): Promise<PlatformUnderTest> {
    const database = await createTestDatabase(4);
    const dataDir = mkdtempSync(join(tmpdir(), 'tenure-e2e-'));
    const ports = {
      GATEWAY_PORT: await freePort(),
      IDENTITY_PORT: await freePort(),
      POLICY_PORT: await freePort(),
      WORKFLOW_PORT: await freePort(),
      CONNECTOR_PORT: await freePort(),
      PORTAL_PORT: await freePort(),
    };
    const launcher = NodeProcess.start('launcher', LAUNCHER_SCRIPT, {
      ...Object.fromEntries(Object.entries(ports).map(([name, port]) => [name, String(port)])),
      DATABASE_URL: database.url,
      TENURE_DATA_DIR: dataDir,
      ADMIN_TOKENS: ADMIN_TOKEN,
      SCIM_TOKENS: SCIM_TOKEN,
      PERSON_TOKEN_SECRET,
      LOG_LEVEL: 'warn',
    });
    await launcher.waitForOutput('Tenure is up', 240_000);
    return new PlatformUnderTest(launcher, database, dataDir, `http://127.0.0.1:${ports.GATEWAY_PORT}`);
  }

  async stop(): Promise<void> {
    await this.launcher.stop('SIGINT', 60_000);
    await this.database.drop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** A person's bearer token, as the interim person tokens are minted (issue 7 replaces them with OIDC). */
  personToken(employeeNumber: string): Promise<string> {
    return mintPersonToken(PERSON_TOKEN_SECRET, employeeNumber, { hours: 1 });
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
      headers: { authorization: `Bearer ${SCIM_TOKEN}`, 'content-type': 'application/scim+json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }
}

/** Polls until `probe` returns a value (not undefined), or fails after `timeoutMs` with the last value seen. */
export async function eventually<Value>(probe: () => Promise<Value | undefined>, what: string, timeoutMs = 30_000): Promise<Value> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
