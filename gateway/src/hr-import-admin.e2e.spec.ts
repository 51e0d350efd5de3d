import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase, freePort, NodeProcess } from '@tenure/testing';

// The identity service and the gateway as their own processes: the gateway forwards the client's
// Authorization header, so the identity service's administrator token check works through it.
const REPOSITORY_ROOT = join(__dirname, '..', '..');
const GATEWAY_SCRIPT = join(REPOSITORY_ROOT, 'gateway', 'dist', 'main.js');
const IDENTITY_SCRIPT = join(REPOSITORY_ROOT, 'services', 'identity', 'dist', 'main.js');
const ADMIN_TOKEN = 'e2e-admin-token';
const CSV =
  'employee_number,given_name,family_name,email,department,title,manager_employee_number,location,cost_center,employment_type,start_date,termination_date\n' +
  '7001,Ada,Lovelace,ada@example.com,Engineering,Engineer,,London,CC-1,employee,2024-01-15,\n';
const IMPORT = 'mutation($csv: String!) { importHrFile(fileName: "e2e.csv", csv: $csv) { status counts { hires } } }';

jest.setTimeout(60_000);

describe('HR import mutations through the gateway', () => {
  let database: TestDatabase;
  let identity: NodeProcess;
  let gateway: NodeProcess;
  let graphqlUrl: string;

  async function importThroughGateway(headers: Record<string, string>) {
    const response = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: IMPORT, variables: { csv: CSV } }),
    });
    return (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
  }

  beforeAll(async () => {
    for (const script of [GATEWAY_SCRIPT, IDENTITY_SCRIPT]) {
      if (!existsSync(script)) throw new Error(`${script} is missing: build first (npx nx run @tenure/gateway:test builds it)`);
    }
    database = await createTestDatabase(4);
    const identityPort = await freePort();
    identity = NodeProcess.start('identity', IDENTITY_SCRIPT, {
      PORT: String(identityPort),
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      LOG_LEVEL: 'info',
      ADMIN_TOKENS: ADMIN_TOKEN,
    });
    await identity.waitForLog('listening');
    const gatewayPort = await freePort();
    gateway = NodeProcess.start('gateway', GATEWAY_SCRIPT, {
      IDENTITY_URL: `http://127.0.0.1:${identityPort}/graphql`,
      PORT: String(gatewayPort),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      ADMIN_TOKENS: ADMIN_TOKEN,
    });
    await gateway.waitForLog('listening');
    graphqlUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
  });

  afterAll(async () => {
    await Promise.all([gateway?.stop(), identity?.stop()]);
    await database?.drop();
  });

  it('refuses importHrFile without the administrator token and runs it with the token', async () => {
    const refused = await importThroughGateway({});
    const imported = await importThroughGateway({ authorization: `Bearer ${ADMIN_TOKEN}` });

    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(imported).toEqual({ data: { importHrFile: { status: 'COMPLETED', counts: { hires: 1 } } } });
  });
});
