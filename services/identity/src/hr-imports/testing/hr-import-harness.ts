import { randomIds, type Clock } from '@tenure/event-sourcing';
import { migrate, PostgresEventStore, startProjection, type RunningProjection } from '@tenure/event-store-postgres';
import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import { identityDirectoryProjection } from '../../read-model/identity-directory.projection';
import { HrImportService } from '../application/hr-import-service';
import { hrImportRunsProjection } from '../read-model/hr-import-runs.projection';

export const HEADER =
  'employee_number,given_name,family_name,email,department,title,manager_employee_number,location,cost_center,employment_type,start_date,termination_date';

/** A valid CSV row; `overrides` by column. */
export function row(employeeNumber: string, overrides: Partial<Record<string, string>> = {}): string {
  const values: Record<string, string> = {
    employee_number: employeeNumber,
    given_name: `Given${employeeNumber}`,
    family_name: 'Person',
    email: `p${employeeNumber}@example.com`,
    department: 'Engineering',
    title: 'Engineer',
    manager_employee_number: '',
    location: 'Lyon',
    cost_center: 'CC-1',
    employment_type: 'employee',
    start_date: '2025-01-06',
    termination_date: '',
    ...overrides,
  };
  return HEADER.split(',')
    .map((column) => values[column] ?? '')
    .join(',');
}

export function csv(...rows: string[]): string {
  return [HEADER, ...rows].join('\n') + '\n';
}

/** A company of `size` people numbered from `first`, everyone reporting to the first. */
export function companyCsv(size: number, first = 1000): string {
  return csv(
    ...Array.from({ length: size }, (_, index) =>
      row(String(first + index), index === 0 ? {} : { manager_employee_number: String(first) }),
    ),
  );
}

export interface HrImportHarness {
  readonly database: TestDatabase;
  readonly store: PostgresEventStore;
  readonly service: HrImportService;
  readonly directory: RunningProjection;
  readonly runs: RunningProjection;
  /** Waits for both read models. */
  caughtUp(): Promise<void>;
  identityEventCount(): Promise<number>;
  stop(): Promise<void>;
}

/** A fresh database with the store, both projections and the import service, as the running service has them. */
export async function startHrImportHarness(clock: Clock): Promise<HrImportHarness> {
  const database = await createTestDatabase(2);
  await migrate(database.pool);
  const store = new PostgresEventStore({ connectionString: database.url, poolSize: 10 });
  const directory = await startProjection({ pool: store.pool, notifier: store.wakeups, projection: identityDirectoryProjection });
  const runs = await startProjection({ pool: store.pool, notifier: store.wakeups, projection: hrImportRunsProjection });
  const service = new HrImportService({
    store,
    pool: store.pool,
    clock,
    ids: randomIds,
    directoryCaughtUp: () => directory.waitUntilCaughtUp(10_000),
  });
  return {
    database,
    store,
    service,
    directory,
    runs,
    async caughtUp() {
      await directory.waitUntilCaughtUp(10_000);
      await runs.waitUntilCaughtUp(10_000);
    },
    async identityEventCount() {
      const { rows } = await database.pool.query<{ count: string }>(
        `SELECT count(*) AS count FROM tenure_events WHERE stream_id LIKE 'identity-%'`,
      );
      return Number(rows[0]!.count);
    },
    async stop() {
      await runs.stop();
      await directory.stop();
      await store.close();
      await database.drop();
    },
  };
}
