import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase, freePort, type Exit, NodeProcess } from '@tenure/testing';
import { SUBGRAPHS } from './subgraphs';

// Every service and the gateway run as their own process from their built dist/, over real HTTP,
// each service on its own PostgreSQL database. `nx run @tenure/gateway:test` builds them first.
const REPOSITORY_ROOT = join(__dirname, '..', '..');
const GATEWAY_SCRIPT = join(REPOSITORY_ROOT, 'gateway', 'dist', 'main.js');
const serviceScript = (name: string) => join(REPOSITORY_ROOT, 'services', name, 'dist', 'main.js');
const BODY_LIMIT_BYTES = 2048;

jest.setTimeout(60_000);

interface RunningService {
  readonly name: string;
  readonly process: NodeProcess;
  readonly database: TestDatabase;
}

/** An administrator API token: the gateway lets no anonymous request through. */
const ADMIN_TOKEN = 'platform-status-admin-token';

async function startService(name: string): Promise<RunningService & { readonly url: string }> {
  const database = await createTestDatabase(2);
  const port = await freePort();
  const process = NodeProcess.start(name, serviceScript(name), {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: database.url,
    LOG_LEVEL: 'info',
    ADMIN_TOKENS: ADMIN_TOKEN,
  });
  return { name, process, database, url: `http://127.0.0.1:${port}/graphql` };
}

async function postGraphQL(url: string, body: string): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` }, body });
}

function expectGracefulExit(service: NodeProcess, exit: Exit): void {
  // Nest re-raises the signal after closing; either way the shutdown path must have run.
  expect(exit.signal === 'SIGTERM' || exit.code === 0).toBe(true);
  expect(service.logs.map((log) => log.msg)).toContain('shutting down');
}

describe('platform status through the gateway', () => {
  const services: RunningService[] = [];
  let gateway: NodeProcess;
  let gatewayUrl: string;

  beforeAll(async () => {
    for (const script of [GATEWAY_SCRIPT, ...SUBGRAPHS.map((subgraph) => serviceScript(subgraph.name))]) {
      if (!existsSync(script))
        throw new Error(`${script} is missing: build first (npx nx run @tenure/gateway:test builds everything it needs)`);
    }
    const started = await Promise.all(SUBGRAPHS.map((subgraph) => startService(subgraph.name)));
    services.push(...started);
    await Promise.all(started.map((service) => service.process.waitForLog('listening')));

    const urls = Object.fromEntries(SUBGRAPHS.map((subgraph, index) => [subgraph.urlVariable, started[index]!.url]));
    gateway = NodeProcess.start('gateway', GATEWAY_SCRIPT, {
      ...urls,
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      ADMIN_TOKENS: ADMIN_TOKEN,
      BODY_LIMIT: `${BODY_LIMIT_BYTES}b`,
    });
    gatewayUrl = String((await gateway.waitForLog('listening'))['url']);
  });

  afterAll(async () => {
    await Promise.all([gateway?.stop(), ...services.map((service) => service.process.stop())]);
    await Promise.all(services.map((service) => service.database.drop()));
  });

  it('answers one query with data from all four subgraphs, each with its event store schema applied', async () => {
    const response = await postGraphQL(
      gatewayUrl,
      JSON.stringify({
        query:
          '{ platformStatus { identity { service databaseReachable eventStoreReady } policy { service eventStoreReady } workflow { service eventStoreReady } connector { service eventStoreReady } } }',
      }),
    );

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: {
        platformStatus: {
          identity: { service: 'identity', databaseReachable: true, eventStoreReady: true },
          policy: { service: 'policy', eventStoreReady: true },
          workflow: { service: 'workflow', eventStoreReady: true },
          connector: { service: 'connector', eventStoreReady: true },
        },
      },
    });
  });

  it('is alive, and ready because every subgraph is ready', async () => {
    const origin = new URL(gatewayUrl).origin;
    expect((await fetch(`${origin}/health`)).status).toBe(200);

    const ready = await fetch(`${origin}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      subgraphs: { identity: 'ready', policy: 'ready', workflow: 'ready', connector: 'ready' },
    });
  });

  it('refuses a request body over the limit with a GraphQL-shaped 413', async () => {
    const query = `{ platformStatus { id } } # ${'x'.repeat(BODY_LIMIT_BYTES)}`;

    const response = await postGraphQL(gatewayUrl, JSON.stringify({ query }));

    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      errors: [{ message: `request body is larger than ${BODY_LIMIT_BYTES}b`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
  });

  it('stops a service cleanly on SIGTERM, and is no longer ready without it', async () => {
    const connector = services.find((service) => service.name === 'connector')!;

    expectGracefulExit(connector.process, await connector.process.stop('SIGTERM'));

    const ready = await fetch(`${new URL(gatewayUrl).origin}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'unavailable', subgraphs: { connector: 'unavailable', identity: 'ready' } });
  });

  it('stops the gateway cleanly on SIGTERM', async () => {
    expectGracefulExit(gateway, await gateway.stop('SIGTERM'));
  });
});
