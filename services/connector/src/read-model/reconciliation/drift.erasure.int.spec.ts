import { PERSONAL_DATA_ERASED } from '@tenure/contracts';
import type { RecordedEvent } from '@tenure/event-sourcing';
import { leftoversIn } from '@tenure/personal-data/testing';
import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import { driftProjection } from './drift.projection';

// The drift read model keeps the account's user name and, for attribute drift, the names and
// emails compared. On the person's erasure they go; a rebuild (which replays the same erasure
// event) leaves the same rows.
const SECRETS = ['jane.doe', 'Jane Doe', 'jane@example.com', 'J. Doe', 'jdoe@old.example.com'];

function recorded(index: number, streamId: string, type: string, data: unknown): RecordedEvent {
  const at = new Date(Date.parse('2026-05-10T08:00:00Z') + index * 1_000);
  return {
    streamId,
    revision: 0n,
    position: { commit: BigInt(index), prepare: BigInt(index) },
    type,
    data,
    metadata: {
      eventId: `e-${index}`,
      correlationId: 'c',
      causationId: null,
      actor: { kind: 'service', id: 'test' },
      occurredAt: at.toISOString(),
    },
    recordedAt: at,
  };
}

const finding = (userName: string, identityId: string, employeeNumber: string, differences: unknown[]) => ({
  driftId: `drift-${identityId}`,
  occurrence: 1,
  firstSeen: true,
  applicationId: 'crm',
  kind: 'attribute-drift',
  userName,
  entitlementKey: null,
  identityId,
  employeeNumber,
  identityStatus: 'terminated',
  accountEnabled: false,
  assignmentId: null,
  reason: 'the account’s attributes differ from the identity’s (HR is their source)',
  differences,
  remediation: { kind: 'flag', reason: 'attribute drift is left to an administrator' },
});

const LOG: RecordedEvent[] = [
  recorded(1, 'reconciliation-run-1', 'DriftDetected', {
    runId: 'run-1',
    applicationId: 'crm',
    detectedAt: '2026-05-10T08:00:00.000Z',
    drift: [
      finding('jane.doe', 'id-jane', '8202', [
        { attribute: 'displayName', expected: 'Jane Doe', actual: 'J. Doe' },
        { attribute: 'email', expected: 'jane@example.com', actual: 'jdoe@old.example.com' },
      ]),
      finding('omar.k', 'id-omar', '8203', [{ attribute: 'displayName', expected: 'Omar K', actual: 'Omar' }]),
    ],
  }),
  recorded(2, 'identity-8202', PERSONAL_DATA_ERASED, {
    identityId: 'id-jane',
    employeeNumber: '8202',
    legalReference: 'case-1',
    erasedBy: 'person:admin',
    erasedAt: '2026-05-10T09:00:00.000Z',
  }),
];

describe('connector_drift and the erasure of personal data', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(2);
  });
  afterAll(() => database.drop());

  async function project(events: readonly RecordedEvent[]): Promise<unknown[]> {
    const client = await database.pool.connect();
    try {
      await driftProjection.setup(client);
      await driftProjection.reset(client);
      for (const event of events) await driftProjection.apply(event, client);
      return (await client.query('SELECT drift_id, user_name, differences, reason FROM connector_drift ORDER BY drift_id')).rows;
    } finally {
      client.release();
    }
  }

  it('given attribute drift of two people, when one is erased, then their user name and compared values go and the other keeps theirs', async () => {
    const rows = await project(LOG);

    expect(await leftoversIn(database.pool, 'connector_drift', SECRETS)).toEqual([]);
    expect(rows).toEqual([
      expect.objectContaining({
        drift_id: 'drift-id-jane',
        user_name: 'erased-8202',
        differences: [
          { attribute: 'displayName', expected: '[erased]', actual: '[erased]' },
          { attribute: 'email', expected: '[erased]', actual: '[erased]' },
        ],
      }),
      expect.objectContaining({
        drift_id: 'drift-id-omar',
        user_name: 'omar.k',
        differences: [{ attribute: 'displayName', expected: 'Omar K', actual: 'Omar' }],
      }),
    ]);
  });

  it('given the erasure, when rebuilt from the same log, then the rows are the same', async () => {
    const live = await project(LOG);

    expect(await project(LOG)).toEqual(live);
  });
});
