import { mintCallerToken } from '@tenure/service-runtime';
import { ConnectorServiceHarness } from '../testing/connector-service-harness';

const PERSON_SECRET = 'a-caller-token-secret-of-at-least-32-characters';
const TIMES = `query ($from: DateTimeISO, $to: DateTimeISO) { provisioningTimesReport(from: $from, to: $to) {
  from to applications { applicationId provision { acknowledged pending p50Seconds p95Seconds } revoke { p50Seconds } } } }`;
const LICENSES = `query { licensesReclaimedReport { from to byLeavers { count withoutCost monthlyCost { amountPerMonth currency } }
  byReviews { count } applications { applicationId } } }`;
const ORPHANS = 'query { orphanedAccountsReport { total byApplication { applicationId count } } }';

// The connector's report fields over HTTP: for administrators and auditors, with a checked period.
describe('connector reports over GraphQL', () => {
  let connector: ConnectorServiceHarness;

  beforeAll(async () => {
    process.env['CALLER_TOKEN_SECRET'] = PERSON_SECRET;
    connector = await ConnectorServiceHarness.start();
  });

  afterAll(async () => {
    await connector?.close();
    delete process.env['CALLER_TOKEN_SECRET'];
  });

  it('given an auditor and nothing provisioned yet, when the three reports are asked for, then they are empty and cover the last 30 days', async () => {
    const auditor = await mintCallerToken(PERSON_SECRET, '9001', { roles: ['auditor'] });

    const times = await connector.graphql<{ provisioningTimesReport: { from: string; to: string; applications: unknown[] } }>(
      TIMES,
      {},
      auditor,
    );
    const licenses = await connector.graphql<{ licensesReclaimedReport: Record<string, unknown> }>(LICENSES, {}, auditor);
    const orphans = await connector.graphql<{ orphanedAccountsReport: unknown }>(ORPHANS, {}, auditor);

    expect(times.errors).toBeUndefined();
    const { from, to, applications } = times.data!.provisioningTimesReport;
    expect(new Date(to).getTime() - new Date(from).getTime()).toBe(30 * 86_400_000);
    expect(applications).toEqual([]);
    expect(licenses.data?.licensesReclaimedReport).toMatchObject({
      byLeavers: { count: 0, withoutCost: 0, monthlyCost: [] },
      byReviews: { count: 0 },
      applications: [],
    });
    expect(orphans.data?.orphanedAccountsReport).toEqual({ total: 0, byApplication: [] });
  });

  it('given a period that ends before it starts, when asked for, then BAD_USER_INPUT names the problem', async () => {
    const { errors } = await connector.graphql(TIMES, { from: '2026-05-02T00:00:00Z', to: '2026-05-01T00:00:00Z' });

    expect(errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('must be before to') });
  });

  it('given an employee caller token or no token, when a report is asked for, then FORBIDDEN or UNAUTHENTICATED', async () => {
    const employee = await mintCallerToken(PERSON_SECRET, '1234', { roles: [] });

    const asEmployee = await connector.graphql(ORPHANS, {}, employee);
    const anonymous = await connector.graphql(LICENSES, {}, null);

    expect(asEmployee.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(anonymous.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});
