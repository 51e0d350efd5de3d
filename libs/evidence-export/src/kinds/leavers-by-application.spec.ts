import type { GatewayClient } from '../gateway-client';
import { leaversByApplication } from './leavers-by-application';

const PERIOD = { from: new Date(0), to: new Date('2026-11-26T09:00:00Z') };
const TERMINATION = 'event-termination-1';

/** Answers the two queries the kind asks, as the gateway would: one leaver run, its connector operations. */
function gatewayAnswering(applications: unknown[], operations: unknown[]): GatewayClient {
  const query = (text: string) =>
    Promise.resolve(
      text.includes('jmlRuns')
        ? {
            jmlRuns: [
              {
                id: TERMINATION,
                identityId: 'identity-1',
                identity: { employeeNumber: '10036', displayName: 'Nora Berg' },
                startedAt: '2026-11-26T08:00:00.000Z',
                applications,
              },
            ],
          }
        : { operations: { edges: operations.map((node) => ({ node })), pageInfo: { hasNextPage: false, endCursor: null } } },
    );
  return { query } as unknown as GatewayClient;
}

const revoked = (applicationId: string, completedAt: string | null, pending = 0) => ({
  applicationId,
  expected: 2,
  acknowledged: 2 - pending,
  failed: 0,
  pending,
  lastSettledAt: completedAt,
  completedAt,
});

const disable = (applicationId: string, status: string, completedAt: string | null, reference = TERMINATION) => ({
  applicationId,
  action: 'DISABLE_ACCOUNT',
  status,
  completedAt,
  lastError: null,
  cause: { kind: 'TERMINATION', reference },
});

describe('leavers by application', () => {
  it('given revocations and an account disable in each application, when read, then each application’s time to revoke is its last acknowledgement', async () => {
    const gateway = gatewayAnswering(
      [revoked('erp', '2026-11-26T08:00:03.000Z'), revoked('github', '2026-11-26T08:00:01.500Z')],
      [
        disable('erp', 'SUCCEEDED', '2026-11-26T08:00:02.000Z'),
        disable('mail', 'SUCCEEDED', '2026-11-26T08:00:05.000Z'),
        // Another termination's disable (an earlier employment) is not this run's.
        disable('erp', 'SUCCEEDED', '2025-01-01T00:00:00.000Z', 'event-termination-0'),
        { ...disable('erp', 'SUCCEEDED', '2026-11-26T08:00:00.500Z'), action: 'REVOKE', cause: { kind: 'ASSIGNMENT', reference: 'a-1' } },
      ],
    );

    const rows = await leaversByApplication.rows(gateway, PERIOD);

    expect(
      rows.map((row) => [row['application'], row['account_disable'], row['revoked_at'], row['time_to_revoke_ms'], row['status']]),
    ).toEqual([
      ['erp', 'SUCCEEDED', '2026-11-26T08:00:03.000Z', 3_000, 'COMPLETED'],
      ['github', 'NONE', '2026-11-26T08:00:01.500Z', 1_500, 'COMPLETED'],
      ['mail', 'SUCCEEDED', '2026-11-26T08:00:05.000Z', 5_000, 'COMPLETED'],
    ]);
    expect(rows[2]).toEqual(
      expect.objectContaining({ employee_number: '10036', revocations_expected: 0, account_disabled_at: '2026-11-26T08:00:05.000Z' }),
    );
  });

  it('given a pending revocation or a disable still retrying, when read, then that application is in progress with no time; a dead disable completes with failures', async () => {
    const gateway = gatewayAnswering(
      [revoked('erp', null, 1), revoked('github', '2026-11-26T08:00:01.000Z')],
      [disable('github', 'RETRYING', null), { ...disable('mail', 'DEAD', null), lastError: { at: '2026-11-26T08:10:00.000Z' } }],
    );

    const rows = await leaversByApplication.rows(gateway, PERIOD);

    expect(rows.map((row) => [row['application'], row['revoked_at'], row['time_to_revoke_ms'], row['status']])).toEqual([
      ['erp', null, null, 'IN_PROGRESS'],
      ['github', null, null, 'IN_PROGRESS'],
      ['mail', '2026-11-26T08:10:00.000Z', 600_000, 'COMPLETED_WITH_FAILURES'],
    ]);
  });
});
