import { existsSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createTestDatabase, freePort, NodeProcess, type TestDatabase } from '@tenure/testing';

// The gateway as its own process from its built dist/, in front of the identity service alone (enough
// for the limits), reached through a proxy in this test that counts what reaches the subgraph: refused
// operations must never get there. Three gateways: the defaults, production mode, and a tiny rate limit.
const REPOSITORY_ROOT = join(__dirname, '..', '..');
const GATEWAY_SCRIPT = join(REPOSITORY_ROOT, 'gateway', 'dist', 'main.js');
const IDENTITY_SCRIPT = join(REPOSITORY_ROOT, 'services', 'identity', 'dist', 'main.js');
const RATE_LIMIT = 3;
// Administrator API tokens: authentication itself is tested in authentication.e2e.spec.ts.
const ALICE = 'token-of-alice';
const BOB = 'token-of-bob';
const ADMIN_TOKENS = `${ALICE},${BOB}`;

jest.setTimeout(60_000);

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: {
    readonly data?: Record<string, unknown> | null;
    readonly errors?: readonly { readonly message: string; readonly extensions?: Record<string, unknown> }[];
  };
}

async function post(origin: string, query: string, token: string | null = ALICE): Promise<Answer> {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer['body'] };
}

/** Forwards everything to `target`, counting the GraphQL operations that reach it. */
async function startCountingProxy(target: string): Promise<{ readonly url: string; readonly operations: () => number; close(): void }> {
  let operations = 0;
  const server: Server = createServer((incoming, outgoing) => {
    if (incoming.method === 'POST' && incoming.url?.startsWith('/graphql')) operations += 1;
    const upstream = httpRequest(new URL(incoming.url ?? '/', target), { method: incoming.method, headers: incoming.headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    upstream.on('error', () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/graphql`, operations: () => operations, close: () => server.close() };
}

describe('gateway hardening: operation limits, rate limit, production mode', () => {
  let database: TestDatabase;
  let identity: NodeProcess;
  let proxy: Awaited<ReturnType<typeof startCountingProxy>>;
  const gateways: NodeProcess[] = [];

  async function startGateway(name: string, env: Record<string, string>): Promise<string> {
    const port = await freePort();
    const gateway = NodeProcess.start(name, GATEWAY_SCRIPT, {
      IDENTITY_URL: proxy.url,
      // Nothing listens there: policy's fields fail inside the gateway.
      POLICY_URL: unreachablePolicyUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      ADMIN_TOKENS,
      ...env,
    });
    gateways.push(gateway);
    await gateway.waitForLog('listening');
    return `http://127.0.0.1:${port}`;
  }

  let unreachablePolicyUrl: string;
  let development: string;
  let production: string;
  let rateLimited: string;

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
      ADMIN_TOKENS,
    });
    await identity.waitForLog('listening');
    proxy = await startCountingProxy(`http://127.0.0.1:${identityPort}`);
    unreachablePolicyUrl = `http://127.0.0.1:${await freePort()}/graphql`;
    [development, production, rateLimited] = await Promise.all([
      startGateway('gateway', {}),
      startGateway('gateway-production', { NODE_ENV: 'production' }),
      startGateway('gateway-rate-limited', { RATE_LIMIT_MAX_REQUESTS: String(RATE_LIMIT), RATE_LIMIT_WINDOW_SECONDS: '60' }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([...gateways.map((gateway) => gateway.stop()), identity?.stop()]);
    proxy?.close();
    await database?.drop();
  });

  describe('operation limits (defaults)', () => {
    /** Sends the operation and expects a 400 naming the limit, with nothing sent to the subgraph. */
    async function expectRefused(query: string, code: string, message: RegExp): Promise<void> {
      const before = proxy.operations();

      const answer = await post(development, query);

      expect(answer.status).toBe(400);
      expect(answer.body.data).toBeUndefined();
      expect(answer.body.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(message) })]);
      expect(answer.body.errors?.[0]?.extensions?.['code']).toBe(code);
      expect(proxy.operations()).toBe(before);
    }

    it('given a normal query (the README first example), when sent, then it is answered by the subgraph', async () => {
      const before = proxy.operations();

      const answer = await post(
        development,
        '{ identities(first: 5, filter: {department: "Engineering"}) { totalCount edges { node { displayName title manager { displayName } } } } }',
      );

      expect(answer).toMatchObject({ status: 200, body: { data: { identities: { totalCount: 0, edges: [] } } } });
      expect(answer.body.errors).toBeUndefined();
      expect(proxy.operations()).toBe(before + 1);
    });

    it('given a query 11 levels deep, when sent, then it is refused naming the depth limit of 10', async () => {
      await expectRefused(
        '{ identities(first: 1) { edges { node { manager { manager { manager { manager { manager { manager { manager { displayName } } } } } } } } } } }',
        'GRAPHQL_VALIDATION_FAILED',
        /depth limit of 10 exceeded, found 11/,
      );
    });

    it('given a page of 100 with reports of reports of reports, when sent, then it is refused naming the cost limit of 20000', async () => {
      const reports = (levels: number): string => (levels === 0 ? '' : `directReports { displayName title ${reports(levels - 1)} }`);

      await expectRefused(
        `{ identities(first: 100) { edges { node { displayName title ${reports(5)} } } } }`,
        'GRAPHQL_VALIDATION_FAILED',
        /Cost limit of 20000 exceeded/,
      );
    });

    it('given 16 aliases, when sent, then it is refused naming the alias limit of 15', async () => {
      const aliased = Array.from({ length: 16 }, (_, index) => `a${index}: identities(first: 1) { totalCount }`).join(' ');

      await expectRefused(`{ ${aliased} }`, 'GRAPHQL_VALIDATION_FAILED', /Aliases limit of 15 exceeded, found 16/);
    });

    it('given 51 directives, when sent, then it is refused naming the directive limit of 50', async () => {
      const skipped = Array.from({ length: 51 }, () => 'totalCount @skip(if: false)').join(' ');

      await expectRefused(
        `{ identities(first: 1) { ${skipped} } }`,
        'GRAPHQL_VALIDATION_FAILED',
        /Directives limit of 50 exceeded, found 51/,
      );
    });

    it('given more than 1000 tokens, when sent, then it is refused while parsing, naming the token limit', async () => {
      const fields = Array.from({ length: 1000 }, () => 'totalCount').join(' ');

      await expectRefused(`{ identities(first: 1) { ${fields} } }`, 'GRAPHQL_PARSE_FAILED', /more that 1000 tokens/);
    });

    it('given a body over the body limit, when sent, then it is refused with a GraphQL-shaped 413', async () => {
      const answer = await post(development, `{ identities(first: 1) { totalCount } } # ${'x'.repeat(100 * 1024)}`);

      expect(answer.status).toBe(413);
      expect(answer.body).toEqual({
        errors: [{ message: 'request body is larger than 100kb', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
      });
    });
  });

  describe('production mode', () => {
    const INTROSPECTION = '{ __schema { queryType { name } } }';
    const MISSPELLED = '{ identitie(first: 1) { totalCount } }';

    it('given development mode, when introspecting or misspelling a field, then the schema, a suggestion and a stack trace are given', async () => {
      const introspection = await post(development, INTROSPECTION);
      const misspelled = await post(development, MISSPELLED);

      expect(introspection.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
      expect(misspelled.body.errors?.[0]?.message).toContain('Did you mean "identities"');
      expect(misspelled.body.errors?.[0]?.extensions?.['stacktrace']).toBeDefined();
    });

    it('given production mode, when introspecting, then it is refused', async () => {
      const answer = await post(production, INTROSPECTION);

      expect(answer.status).toBe(400);
      expect(answer.body.data).toBeUndefined();
      expect(answer.body.errors?.[0]).toMatchObject({
        message: expect.stringContaining('introspection is not allowed'),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
    });

    it('given production mode, when a field is misspelled, then the error has no suggestion and no stack trace', async () => {
      const answer = await post(production, MISSPELLED);

      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([
        {
          message: 'Cannot query field "identitie" on type "Query".',
          locations: [{ line: 1, column: 3 }],
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ]);
    });

    it('given a subgraph that cannot be reached, when asked, then development names the failure and production only says internal error', async () => {
      const query = '{ sodViolations { employeeNumber } }';

      const inDevelopment = await post(development, query);
      const inProduction = await post(production, query);

      expect(inDevelopment.body.errors?.[0]?.message).toContain('ECONNREFUSED');
      expect(inProduction.body).toEqual({
        data: null,
        errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      });
    });

    it('given production mode, when a query is over a limit, then it is refused the same way', async () => {
      const aliased = Array.from({ length: 16 }, (_, index) => `a${index}: identities(first: 1) { totalCount }`).join(' ');

      const answer = await post(production, `{ ${aliased} }`);

      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([
        { message: expect.stringMatching(/Aliases limit of 15 exceeded/), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      ]);
    });
  });

  describe('rate limit per client', () => {
    const QUERY = '{ identities(first: 1) { totalCount } }';

    it(`given ${RATE_LIMIT} requests with one token, when one more comes, then it gets 429 with Retry-After, and other clients still pass`, async () => {
      const allowed = [];
      for (let sent = 0; sent < RATE_LIMIT; sent += 1) allowed.push(await post(rateLimited, QUERY, ALICE));
      const before = proxy.operations();

      const refused = await post(rateLimited, QUERY, ALICE);
      const otherToken = await post(rateLimited, QUERY, BOB);
      const noToken = await post(rateLimited, QUERY, null);

      expect(allowed.map((answer) => answer.status)).toEqual([200, 200, 200]);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.body).toEqual({
        errors: [{ message: `too many requests from this client: at most ${RATE_LIMIT} every 60 s`, extensions: { code: 'RATE_LIMITED' } }],
      });
      expect(otherToken.status).toBe(200);
      expect(noToken.status).toBe(401);
      expect(proxy.operations()).toBe(before + 1);
    });

    it('given a client over its limit, when it calls SCIM, then it is refused in SCIM’s shape; health still answers', async () => {
      const scim = await fetch(`${rateLimited}/scim/v2/Users`, { headers: { authorization: `Bearer ${ALICE}` } });
      const health = await fetch(`${rateLimited}/health`, { headers: { authorization: `Bearer ${ALICE}` } });

      expect(scim.status).toBe(429);
      expect(scim.headers.get('content-type')).toContain('application/scim+json');
      expect(await scim.json()).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '429' });
      expect(health.status).toBe(200);
    });

    it('never keeps a token in its logs', () => {
      const output = gateways
        .flatMap((gateway) => gateway.logs)
        .map((line) => JSON.stringify(line))
        .join('\n');
      expect(output).not.toContain(ALICE);
    });
  });
});
