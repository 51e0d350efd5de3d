import type { RecordedEvent } from '@tenure/event-sourcing';
import { migrate } from '@tenure/event-store-postgres';
import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import type { PoolClient } from 'pg';
import { attributesOf, identityIdOf } from '../../testing/identity-events';
import { add, LifecycleTraffic, provision, type TrafficAssignment } from '../../testing/lifecycle-traffic';
import { snapshotReadModel } from '../batch/read-model-snapshot';
import { workflowAssignmentHistoryProjection as projection } from './workflow-assignment-history.projection';

const TABLES = { tables: ['workflow_assignment_history', 'workflow_assignment_history_identities'], timerKinds: [] };

function grant(employeeNumber: string, index: number): TrafficAssignment {
  return {
    assignmentId: `assignment-${employeeNumber}-${index}`,
    identityId: identityIdOf(employeeNumber),
    applicationId: 'git',
    entitlementKey: `repo-${index}`,
    source: { kind: 'birthright', reference: 'policy', policyVersion: 1 },
    durationMs: null,
  };
}

function hired(traffic: LifecycleTraffic, employeeNumber: string): RecordedEvent {
  return traffic.identity(employeeNumber, {
    type: 'IdentityHired',
    data: {
      identityId: identityIdOf(employeeNumber),
      employeeNumber,
      attributes: attributesOf({ employeeNumber, department: 'Engineering' }),
      startDate: '2026-03-02',
    },
  });
}

// A hand-made history the batch reads differently from the per-event statements: intervals added
// before their identity's first event (in earlier batches and in the same one), numbered when it
// comes, an identity event delivered again, and an identity known before its intervals.
function handMadeLog(): RecordedEvent[] {
  const traffic = new LifecycleTraffic();
  hired(traffic, '8100');
  add(traffic, grant('8100', 1));
  add(traffic, grant('8200', 1));
  provision(traffic, grant('8200', 1));
  add(traffic, grant('8200', 2));
  add(traffic, grant('8300', 1));
  const late = hired(traffic, '8200');
  add(traffic, grant('8200', 3));
  traffic.duplicate(late);
  hired(traffic, '8300');
  add(traffic, grant('8300', 2));
  return traffic.events;
}

describe('workflow-assignment-history applyBatch', () => {
  jest.setTimeout(60_000);
  let database: TestDatabase;
  let client: PoolClient;
  const log = handMadeLog();

  beforeAll(async () => {
    database = await createTestDatabase(1);
    await migrate(database.pool);
    client = await database.pool.connect();
    await projection.setup(client);
  });

  afterAll(async () => {
    client?.release();
    await database?.drop();
  });

  async function rebuild(batchSize: number | 'one-by-one') {
    await projection.reset(client);
    if (batchSize === 'one-by-one') {
      for (const event of log) await projection.apply(event, client);
    } else {
      for (let start = 0; start < log.length; start += batchSize) await projection.applyBatch!(log.slice(start, start + batchSize), client);
    }
    return snapshotReadModel(client, TABLES);
  }

  it('given intervals added before their identity was known, when applied one event at a time, then every interval ends numbered', async () => {
    const { tables } = await rebuild('one-by-one');
    const numbers = tables['workflow_assignment_history']!.map(
      (row) => `${row['assignment_id'] as string} ${row['employee_number'] as string}`,
    );
    expect(numbers.sort()).toEqual([
      'assignment-8100-1 8100',
      'assignment-8200-1 8200',
      'assignment-8200-2 8200',
      'assignment-8200-3 8200',
      'assignment-8300-1 8300',
      'assignment-8300-2 8300',
    ]);
  });

  it.each([2, 3, 5, 100])(
    'given the same log, when applied in batches of %i, then the intervals and identities are as after one event at a time',
    async (batchSize) => {
      const expected = await rebuild('one-by-one');
      expect(await rebuild(batchSize)).toEqual(expected);
    },
  );
});
