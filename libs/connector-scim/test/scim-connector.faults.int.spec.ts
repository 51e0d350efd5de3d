import { ConnectorError } from '@tenure/connector-sdk';
import type { Connector } from '@tenure/connector-sdk';
import { createScimConnector } from '../src';
import { startFaultyProxy } from './faulty-proxy';
import type { FaultyProxy } from './faulty-proxy';
import { startScimmyServer } from '../src/testing';
import type { ScimmyServer } from '../src/testing';

describe('SCIM connector under a failing target (SCIMMY behind a fault-injecting proxy)', () => {
  let scim: ScimmyServer;
  let proxy: FaultyProxy;

  beforeAll(async () => {
    scim = await startScimmyServer();
    proxy = await startFaultyProxy(new URL(scim.baseUrl).origin);
  });

  afterEach(() => proxy.clear());

  afterAll(async () => {
    await proxy.close();
    await scim.close();
  });

  function connectorThroughProxy(options: { maxRetries?: number; maxRetryWaitMs?: number; timeoutMs?: number } = {}): Connector {
    return createScimConnector(
      { baseUrl: proxy.url('/scim/v2'), auth: { type: 'bearer', tokenSecret: 'scim-token' }, ...options },
      { 'scim-token': scim.token },
    );
  }

  async function failureOf(work: Promise<unknown>): Promise<ConnectorError> {
    const outcome = await work.then(
      () => null,
      (error: unknown) => error,
    );
    if (!(outcome instanceof ConnectorError)) throw new Error(`expected a ConnectorError, got ${String(outcome)}`);
    return outcome;
  }

  it('given a server that answers 429 with Retry-After: 1 twice, when an account is looked up, then the connector waits it out and succeeds', async () => {
    const connector = connectorThroughProxy({ maxRetries: 3 });
    proxy.inject({ kind: 'answer', status: 429, headers: { 'retry-after': '1' } }, 2);

    const started = Date.now();
    const account = await connector.getAccount('nobody-yet');

    expect(account).toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect(proxy.received).toBe(3);
  });

  it('given a server that answers 429 with Retry-After as an HTTP date, when listing, then the connector waits until then and succeeds', async () => {
    const connector = connectorThroughProxy({ maxRetries: 1 });
    proxy.inject({ kind: 'answer', status: 429, headers: { 'retry-after': new Date(Date.now() + 2000).toUTCString() } }, 1);

    const page = await connector.listEntitlements(null, 10);

    expect(page.nextCursor).toBeNull();
    expect(proxy.received).toBe(2);
  });

  it('given a server that keeps answering 429, when the retries are used up, then the connector gives up with rate-limited and the wait the server asked for', async () => {
    const connector = connectorThroughProxy({ maxRetries: 2 });
    proxy.inject({ kind: 'answer', status: 429, headers: { 'retry-after': '1' } }, Infinity);

    const error = await failureOf(connector.getAccount('someone'));

    expect(error).toMatchObject({ kind: 'rate-limited', retryable: true, retryAfterMs: 1000 });
    expect(proxy.received).toBe(3);
  });

  it('given a server that asks for a longer wait than allowed, when it answers 429, then the connector hands the wait back at once', async () => {
    const connector = connectorThroughProxy({ maxRetries: 5, maxRetryWaitMs: 5_000 });
    proxy.inject({ kind: 'answer', status: 429, headers: { 'retry-after': '120' } }, Infinity);

    const error = await failureOf(connector.getAccount('someone'));

    expect(error).toMatchObject({ kind: 'rate-limited', retryAfterMs: 120_000 });
    expect(proxy.received).toBe(1);
  });

  it('given a server that answers 503, when an account is disabled, then the error is unavailable and retryable, with no retry inside the connector', async () => {
    const connector = connectorThroughProxy();
    proxy.inject({ kind: 'answer', status: 503, headers: { 'retry-after': '7' } }, 1);

    const error = await failureOf(connector.disableAccount('someone'));

    expect(error).toMatchObject({ kind: 'unavailable', retryable: true, retryAfterMs: 7000 });
    expect(proxy.received).toBe(1);
  });

  it('given a server slower than the timeout, when listing accounts, then the error is timeout and retryable', async () => {
    const connector = connectorThroughProxy({ timeoutMs: 200 });
    proxy.inject({ kind: 'delay', ms: 1500 }, 1);

    const started = Date.now();
    const error = await failureOf(connector.listAccounts(null, 10));

    expect(error).toMatchObject({ kind: 'timeout', retryable: true });
    expect(Date.now() - started).toBeLessThan(1400);
  });

  it('given nothing listening at the address, when the connection is tested, then the error is unavailable', async () => {
    const closed = await startFaultyProxy('http://127.0.0.1:9');
    const address = closed.url('/scim/v2');
    await closed.close();
    const connector = createScimConnector({ baseUrl: address, auth: { type: 'bearer', tokenSecret: 't' } }, { t: 'x' });

    const error = await failureOf(connector.testConnection());

    expect(error).toMatchObject({ kind: 'unavailable', retryable: true });
  });

  it('given a wrong token, when the connection is tested, then the error is auth, not retryable, and does not contain the token', async () => {
    const wrongToken = 'wrong-token-that-must-not-leak';
    const connector = createScimConnector(
      { baseUrl: scim.baseUrl, auth: { type: 'bearer', tokenSecret: 'scim-token' } },
      { 'scim-token': wrongToken },
    );

    const error = await failureOf(connector.testConnection());

    expect(error).toMatchObject({ kind: 'auth', retryable: false });
    expect(`${error.message} ${String(error.stack)}`).not.toContain(wrongToken);
  });

  it('given a server that echoes the credentials in its error, when the error is reported, then the secret is redacted', async () => {
    const connector = connectorThroughProxy();
    proxy.inject({ kind: 'answer', status: 401, detail: `token ${scim.token} is not valid here` }, 1);

    const error = await failureOf(connector.testConnection());

    expect(error.kind).toBe('auth');
    expect(error.message).toContain('token [redacted] is not valid here');
    expect(error.message).not.toContain(scim.token);
  });

  it('given basic credentials, when the connection is tested, then the server accepts them', async () => {
    const connector = createScimConnector(
      { baseUrl: scim.baseUrl, auth: { type: 'basic', username: scim.basicUser.username, passwordSecret: 'scim-password' } },
      { 'scim-password': scim.basicUser.password },
    );

    await expect(connector.testConnection()).resolves.toBeUndefined();
  });
});
