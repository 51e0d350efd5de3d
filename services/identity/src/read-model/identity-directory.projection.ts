import type { RecordedEvent } from '@tenure/event-sourcing';
import { TimerPlan, type Projection } from '@tenure/event-store-postgres';
import type { PoolClient } from 'pg';
import { employeeNumberOfStream, IDENTITY_STREAM_PREFIX } from '../application/identity-streams';
import { identityDecider, type IdentityEvent, type IdentityState } from '../domain/identity';
import { CREATE_IDENTITY_DIRECTORY } from './identity-directory.table';

/** Timers of this kind carry `{ employeeNumber }` and ask for `ApplyDueChanges` on that identity. */
export const IDENTITY_DUE_TIMER = 'identity-due';

export function identityDueTimerId(employeeNumber: string): string {
  return `${IDENTITY_DUE_TIMER}:${employeeNumber}`;
}

/**
 * Keeps `identity_directory` and the identity's due-date timer. The state is folded with the
 * domain's `evolve`, so the read model can never disagree with what the decider sees; the timer is
 * (re)scheduled in the same transaction, so it exists exactly when the events say something is due.
 */
export const identityDirectoryProjection: Projection = {
  name: 'identity-directory',
  filter: { streamPrefixes: [IDENTITY_STREAM_PREFIX] },
  async setup(client) {
    await client.query(CREATE_IDENTITY_DIRECTORY);
  },
  async reset(client) {
    await client.query('TRUNCATE identity_directory');
    await client.query('DELETE FROM tenure_timers WHERE kind = $1', [IDENTITY_DUE_TIMER]);
  },
  async apply(event, client) {
    await applyToIdentities(client, [event]);
  },
  /** The same effect as `apply` per event: one read of the identities a batch touches, one write of their rows and timers. */
  async applyBatch(events, client) {
    await applyToIdentities(client, events);
  },
};

async function applyToIdentities(client: PoolClient, events: readonly RecordedEvent[]): Promise<void> {
  const byIdentity = new Map<string, RecordedEvent[]>();
  for (const event of events) {
    const employeeNumber = employeeNumberOfStream(event.streamId);
    byIdentity.set(employeeNumber, [...(byIdentity.get(employeeNumber) ?? []), event]);
  }
  const states = await loadStates(client, [...byIdentity.keys()]);
  const rows: DirectoryRowValues[] = [];
  const timers = new TimerPlan();
  for (const [employeeNumber, identityEvents] of byIdentity) {
    const state = identityEvents.reduce(
      (folded, event) => identityDecider.evolve(folded, event as unknown as IdentityEvent),
      states.get(employeeNumber) ?? identityDecider.initialState(),
    );
    if (state.status === 'unknown') continue;
    rows.push(rowValues(state, identityEvents[identityEvents.length - 1]!, identityEvents[0]!.recordedAt));
    if (state.nextDueDate) {
      timers.schedule({
        timerId: identityDueTimerId(employeeNumber),
        kind: IDENTITY_DUE_TIMER,
        // Dates are UTC calendar days (see domain/identity/dates.ts): due from the start of that day.
        dueAt: new Date(`${state.nextDueDate}T00:00:00.000Z`),
        payload: { employeeNumber },
      });
    } else {
      timers.cancel(identityDueTimerId(employeeNumber));
    }
  }
  await saveRows(client, rows);
  await timers.write(client);
}

async function loadStates(client: PoolClient, employeeNumbers: readonly string[]): Promise<Map<string, IdentityState>> {
  const { rows } = await client.query<{ employee_number: string; state: IdentityState }>(
    'SELECT employee_number, state FROM identity_directory WHERE employee_number = ANY ($1::text[])',
    [employeeNumbers],
  );
  return new Map(rows.map((row) => [row.employee_number, row.state]));
}

/** One row's columns, as `saveRows` reads them from JSON. */
type DirectoryRowValues = Record<(typeof COLUMNS)[number][0], unknown>;

/** The columns and their SQL types, in the table's order. */
const COLUMNS = [
  ['employee_number', 'text'],
  ['identity_id', 'text'],
  ['status', 'text'],
  ['given_name', 'text'],
  ['family_name', 'text'],
  ['email', 'text'],
  ['department', 'text'],
  ['title', 'text'],
  ['manager_employee_number', 'text'],
  ['location', 'text'],
  ['cost_center', 'text'],
  ['employment_type', 'text'],
  ['custom', 'jsonb'],
  ['start_date', 'text'],
  ['termination_date', 'text'],
  ['scheduled_termination_date', 'text'],
  ['next_due_date', 'text'],
  ['employment', 'int'],
  ['version', 'bigint'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
  ['state', 'jsonb'],
] as const;

function rowValues(state: Exclude<IdentityState, { status: 'unknown' }>, event: RecordedEvent, createdAt: Date): DirectoryRowValues {
  const a = state.attributes;
  const current = state.status === 'terminated' ? null : state;
  return {
    employee_number: state.employeeNumber,
    identity_id: state.identityId,
    status: state.status,
    given_name: a.givenName,
    family_name: a.familyName,
    email: a.email,
    department: a.department,
    title: a.title,
    manager_employee_number: a.managerEmployeeNumber,
    location: a.location,
    cost_center: a.costCenter,
    employment_type: a.employmentType,
    custom: a.custom,
    start_date: state.startDate,
    termination_date: state.status === 'terminated' ? state.terminationDate : null,
    scheduled_termination_date: current?.scheduledTermination?.effectiveDate ?? null,
    next_due_date: state.nextDueDate,
    employment: state.employment,
    version: event.revision.toString(),
    created_at: createdAt.toISOString(),
    updated_at: event.recordedAt.toISOString(),
    state,
  };
}

/** Every row in one statement; a row that exists keeps its created_at. */
async function saveRows(client: PoolClient, rows: readonly DirectoryRowValues[]): Promise<void> {
  if (rows.length === 0) return;
  const names = COLUMNS.map(([name]) => name);
  const updated = names.filter((name) => name !== 'employee_number' && name !== 'created_at');
  await client.query(
    `INSERT INTO identity_directory (${names.join(', ')})
     SELECT ${names.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${COLUMNS.map(([name, type]) => `${name} ${type}`).join(', ')})
     ON CONFLICT (employee_number) DO UPDATE SET ${updated.map((name) => `${name} = EXCLUDED.${name}`).join(', ')}`,
    [JSON.stringify(rows)],
  );
}
