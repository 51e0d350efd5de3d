import { metricValue } from '@tenure/service-runtime';
import { PLATFORM_METRICS_TOKEN, type PlatformService } from '@tenure/testing';
import { eventually, PlatformUnderTest } from './testing/platform-under-test';

// Prometheus' view of a platform started like `npm start`: each service's /metrics, scraped with
// the token, reports its subscriptions' lag, its timers and its own series, against the demo company.
describe('metrics of a platform started like npm start', () => {
  jest.setTimeout(300_000);
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
  });
  afterAll(() => platform?.stop());

  async function scrape(service: PlatformService, token = PLATFORM_METRICS_TOKEN): Promise<{ status: number; text: string }> {
    const response = await fetch(`${platform.serviceOrigins[service]}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, text: await response.text() };
  }

  it('given the demo company, when every service is scraped, then each reports its subscriptions and labels its series with its name', async () => {
    for (const [service, subscription] of [
      ['identity', 'projection:identity-directory'],
      ['policy', 'projection:policy-assignments'],
      ['workflow', 'projection:workflow-assignments'],
      ['connector', 'projection:connector-operations'],
    ] as const) {
      const scraped = await scrape(service);
      expect(scraped.status).toBe(200);
      expect(metricValue(scraped.text, 'tenure_subscription_events_since_checkpoint', { subscription, service })).toBeGreaterThanOrEqual(0);
      expect(metricValue(scraped.text, 'tenure_subscription_backlog', { subscription, service })).toBeGreaterThanOrEqual(0);
      expect(metricValue(scraped.text, 'tenure_process_resident_memory_bytes', { service })).toBeGreaterThan(0);
    }
  });

  it("given the demo's birthright provisioned, when the connector is scraped, then its operations and calls are counted by application", async () => {
    const text = await eventually(async () => {
      const scraped = (await scrape('connector')).text;
      // Only this instance's own subscriptions have a backlog: the connector's, not identity's.
      expect(scraped).not.toContain('tenure_subscription_backlog{subscription="projection:identity-directory"');
      return scraped.includes('tenure_provisioning_call_seconds_count{') ? scraped : undefined;
    }, 'the demo provisioning to be counted');

    const succeeded = text
      .split('\n')
      .filter((line) => line.startsWith('tenure_provisioning_operations{') && line.includes('status="succeeded"'))
      .map((line) => Number(line.split(' ').pop()));
    expect(succeeded.length).toBeGreaterThan(0);
    expect(succeeded.reduce((sum, n) => sum + n, 0)).toBeGreaterThan(0);
  });

  it('given the workflow and identity services, when scraped, then their request and HR import series are declared', async () => {
    expect((await scrape('workflow')).text).toContain('# TYPE tenure_access_requests gauge');
    expect((await scrape('identity')).text).toContain('# TYPE tenure_hr_import_runs gauge');
  });

  it('given a wrong token, when a service is scraped, then it is refused', async () => {
    expect((await scrape('policy', 'not-the-token')).status).toBe(401);
  });

  it('given a request with a correlation id, when it goes through the gateway, then the answer carries it; without one, a new one', async () => {
    const post = (headers: Record<string, string>) =>
      fetch(`${platform.origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ __typename }' }),
      });

    expect((await post({ 'x-correlation-id': 'portal-req-1' })).headers.get('x-correlation-id')).toBe('portal-req-1');
    expect((await post({})).headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
