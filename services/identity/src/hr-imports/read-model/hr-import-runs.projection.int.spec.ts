import type { RecordedEvent } from '@tenure/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import type { HrImportEvent } from '../domain';
import { hrImportRunsProjection } from './hr-import-runs.projection';
import { findHrImportRun } from './hr-import-runs.queries';

// The tables as they were before record corrections, to show that the projection's setup upgrades them in place.
const TABLES_BEFORE_CORRECTIONS = `
CREATE TABLE hr_import_runs (
  run_id text PRIMARY KEY, file_name text NOT NULL, complete boolean NOT NULL, row_count int NOT NULL, channel text NOT NULL,
  as_of text NOT NULL, status text NOT NULL, started_at timestamptz NOT NULL, finished_at timestamptz,
  rejected int NOT NULL DEFAULT 0, failed int NOT NULL DEFAULT 0, counts jsonb, file_errors jsonb, hold_reasons jsonb,
  held_summary jsonb, decided_by text, decided_at timestamptz, discard_reason text
);
CREATE TABLE hr_import_record_errors (
  event_id text PRIMARY KEY, run_id text NOT NULL, stage text NOT NULL, line int, employee_number text, change_kind text,
  code text, raw jsonb, errors jsonb NOT NULL, seq bigserial
);
INSERT INTO hr_import_runs (run_id, file_name, complete, row_count, channel, as_of, status, started_at, rejected)
VALUES ('r1', 'old.csv', false, 2, 'cli', '2026-05-10', 'completed', '2026-05-10T08:00:00Z', 1);
INSERT INTO hr_import_record_errors (event_id, run_id, stage, line, employee_number, raw, errors)
VALUES ('e1', 'r1', 'rejected', 3, '1002', '{"start_date":"2026-13-01"}', '["bad date"]');
`;

function recorded(event: HrImportEvent, eventId: string): RecordedEvent {
  return {
    streamId: 'hr-import-r1',
    revision: 3n,
    position: { commit: 10n, prepare: 10n },
    type: event.type,
    data: event.data,
    metadata: {
      eventId,
      correlationId: 'r1',
      causationId: null,
      actor: { kind: 'person', id: 'admin-1' },
      occurredAt: '2026-05-11T09:00:00Z',
    },
    recordedAt: new Date('2026-05-11T09:00:00Z'),
  };
}

describe('the hr-import-runs projection on a database created before record corrections', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(2);
    await database.pool.query(TABLES_BEFORE_CORRECTIONS);
  });
  afterAll(() => database.drop());

  it('given the old tables with a rejected record, when the projection sets up and a correction arrives (twice), then the record is corrected once', async () => {
    const client = await database.pool.connect();
    try {
      await hrImportRunsProjection.setup(client);
      await hrImportRunsProjection.setup(client); // idempotent, as at every start
      const correction = recorded(
        {
          type: 'HrImportRecordCorrected',
          data: {
            runId: 'r1',
            line: 3,
            employeeNumber: '1002',
            raw: { start_date: '2026-01-12' },
            by: 'admin-1',
            correctedAt: '2026-05-11T09:00:00.000Z',
            result: 'applied',
            changes: ['hire'],
          },
        },
        'e2',
      );
      await hrImportRunsProjection.apply(correction, client);
      await hrImportRunsProjection.apply(correction, client);
    } finally {
      client.release();
    }

    const found = await findHrImportRun(database.pool, 'r1');
    expect(found?.run).toMatchObject({ rejected: 1, corrected: 1 });
    expect(found?.errors).toEqual([
      expect.objectContaining({
        line: 3,
        raw: { start_date: '2026-13-01' },
        corrected_at: new Date('2026-05-11T09:00:00Z'),
        corrected_by: 'admin-1',
        correction_result: 'applied',
        corrected_raw: { start_date: '2026-01-12' },
      }),
    ]);
  });
});
