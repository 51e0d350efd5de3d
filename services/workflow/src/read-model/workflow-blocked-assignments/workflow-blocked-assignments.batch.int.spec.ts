import type { RecordedEvent } from '@tenure/event-sourcing';
import { migrate } from '@tenure/event-store-postgres';
import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import type { PoolClient } from 'pg';
import { workflowBlockedAssignmentsProjection as projection } from './workflow-blocked-assignments.projection';

// The batch form against the one-event-at-a-time form, on a log that interleaves blocks, additions
// that lift them, and leavers, in every order that matters: blocked then lifted, lifted then
// blocked again, blocked then the leaver, the leaver then blocked (a rehire), across batch edges.
let position = 0n;
function event(type: string, data: Record<string, unknown>): RecordedEvent {
  position += 1n;
  return {
    streamId: `assignments-${String(data['identityId'])}`,
    revision: position,
    position: { commit: position, prepare: position },
    type,
    data,
    metadata: {
      eventId: `e${position}`,
      correlationId: 'c',
      causationId: null,
      actor: { kind: 'service', id: 'workflow' },
      occurredAt: '2026-03-02T09:00:00Z',
    },
    recordedAt: new Date('2026-03-02T09:00:00Z'),
  };
}
const at = (n: number) => new Date(Date.UTC(2026, 2, 2, 9, n)).toISOString();
const blocked = (identityId: string, entitlementKey: string, n: number) =>
  event('AssignmentBlocked', {
    identityId,
    applicationId: 'erp',
    entitlementKey,
    source: { kind: 'birthright', reference: `rule-${n}`, policyVersion: n },
    rules: [{ ruleId: `sod-${n}` }],
    blockedAt: at(n),
  });
const added = (identityId: string, entitlementKey: string) =>
  event('AssignmentAdded', { identityId, applicationId: 'erp', entitlementKey });
const left = (identityId: string) => event('IdentityMarkedTerminated', { identityId });

const LOG: readonly RecordedEvent[] = [
  blocked('i1', 'pay', 1),
  blocked('i1', 'vendor', 2),
  added('i1', 'pay'),
  blocked('i2', 'pay', 3),
  blocked('i2', 'pay', 4),
  blocked('i3', 'pay', 5),
  left('i3'),
  blocked('i3', 'vendor', 6),
  added('i2', 'vendor'),
  blocked('i1', 'pay', 7),
  left('i2'),
  blocked('i4', 'pay', 8),
  added('i4', 'pay'),
  blocked('i4', 'pay', 9),
  left('i1'),
  blocked('i1', 'audit', 10),
  added('i5', 'pay'),
];

describe('workflow_blocked_assignments in batches', () => {
  let database: TestDatabase;
  let client: PoolClient;

  beforeAll(async () => {
    database = await createTestDatabase(2);
    await migrate(database.pool);
    client = await database.pool.connect();
    await projection.setup(client);
  });
  afterAll(async () => {
    client?.release();
    await database?.drop();
  });

  async function rows(): Promise<unknown[]> {
    const { rows } = await client.query(
      'SELECT identity_id, application_id, entitlement_key, source, rules, blocked_at FROM workflow_blocked_assignments ORDER BY 1, 2, 3',
    );
    return rows;
  }

  async function applied(batchSize: number | 'one by one'): Promise<unknown[]> {
    await projection.reset(client);
    if (batchSize === 'one by one') for (const recorded of LOG) await projection.apply(recorded, client);
    else
      for (let start = 0; start < LOG.length; start += batchSize) await projection.applyBatch!(LOG.slice(start, start + batchSize), client);
    return rows();
  }

  it('given the log one event at a time, then the blocks standing are those raised after the last addition or leaver', async () => {
    expect(await applied('one by one')).toEqual([
      expect.objectContaining({ identity_id: 'i1', entitlement_key: 'audit', source: expect.objectContaining({ policyVersion: 10 }) }),
      expect.objectContaining({ identity_id: 'i3', entitlement_key: 'vendor' }),
      expect.objectContaining({ identity_id: 'i4', entitlement_key: 'pay', source: expect.objectContaining({ policyVersion: 9 }) }),
    ]);
  });

  it.each([1, 2, 3, 5, 100])('given the same log in batches of %i, then the table is as after one event at a time', async (batchSize) => {
    const expected = await applied('one by one');
    expect(await applied(batchSize)).toEqual(expected);
  });
});
