import type { RecordedEvent } from '@tenure/event-sourcing';
import { cancelTimer, scheduleTimer, type Projection } from '@tenure/event-store-postgres';
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
    const employeeNumber = employeeNumberOfStream(event.streamId);
    await applyToIdentity(client, employeeNumber, (await loadStates(client, [employeeNumber])).get(employeeNumber), [event]);
  },
  /** The same effect as `apply` per event, with one read of each identity and one write per batch. */
  async applyBatch(events, client) {
    const byIdentity = new Map<string, RecordedEvent[]>();
    for (const event of events) {
      const employeeNumber = employeeNumberOfStream(event.streamId);
      byIdentity.set(employeeNumber, [...(byIdentity.get(employeeNumber) ?? []), event]);
    }
    const states = await loadStates(client, [...byIdentity.keys()]);
    for (const [employeeNumber, identityEvents] of byIdentity) {
      await applyToIdentity(client, employeeNumber, states.get(employeeNumber), identityEvents);
    }
  },
};

async function applyToIdentity(
  client: PoolClient,
  employeeNumber: string,
  previous: IdentityState | undefined,
  events: readonly RecordedEvent[],
): Promise<void> {
  const state = events.reduce(
    (folded, event) => identityDecider.evolve(folded, event as unknown as IdentityEvent),
    previous ?? identityDecider.initialState(),
  );
  if (state.status === 'unknown') return;
  await saveRow(client, state, events[events.length - 1]!, events[0]!.recordedAt);
  if (state.nextDueDate) {
    await scheduleTimer(client, {
      timerId: identityDueTimerId(employeeNumber),
      kind: IDENTITY_DUE_TIMER,
      // Dates are UTC calendar days (see domain/identity/dates.ts): due from the start of that day.
      dueAt: new Date(`${state.nextDueDate}T00:00:00.000Z`),
      payload: { employeeNumber },
    });
  } else {
    await cancelTimer(client, identityDueTimerId(employeeNumber));
  }
}

async function loadStates(client: PoolClient, employeeNumbers: readonly string[]): Promise<Map<string, IdentityState>> {
  const { rows } = await client.query<{ employee_number: string; state: IdentityState }>(
    'SELECT employee_number, state FROM identity_directory WHERE employee_number = ANY ($1::text[])',
    [employeeNumbers],
  );
  return new Map(rows.map((row) => [row.employee_number, row.state]));
}

async function saveRow(
  client: PoolClient,
  state: Exclude<IdentityState, { status: 'unknown' }>,
  event: RecordedEvent,
  createdAt: Date,
): Promise<void> {
  const a = state.attributes;
  const current = state.status === 'terminated' ? null : state;
  await client.query(
    `INSERT INTO identity_directory (employee_number, identity_id, status, given_name, family_name, email, department, title,
       manager_employee_number, location, cost_center, employment_type, custom, start_date, termination_date,
       scheduled_termination_date, next_due_date, employment, version, created_at, updated_at, state)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22)
     ON CONFLICT (employee_number) DO UPDATE SET
       identity_id = EXCLUDED.identity_id, status = EXCLUDED.status, given_name = EXCLUDED.given_name,
       family_name = EXCLUDED.family_name, email = EXCLUDED.email, department = EXCLUDED.department, title = EXCLUDED.title,
       manager_employee_number = EXCLUDED.manager_employee_number, location = EXCLUDED.location,
       cost_center = EXCLUDED.cost_center, employment_type = EXCLUDED.employment_type, custom = EXCLUDED.custom,
       start_date = EXCLUDED.start_date, termination_date = EXCLUDED.termination_date,
       scheduled_termination_date = EXCLUDED.scheduled_termination_date, next_due_date = EXCLUDED.next_due_date,
       employment = EXCLUDED.employment, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at, state = EXCLUDED.state`,
    [
      state.employeeNumber,
      state.identityId,
      state.status,
      a.givenName,
      a.familyName,
      a.email,
      a.department,
      a.title,
      a.managerEmployeeNumber,
      a.location,
      a.costCenter,
      a.employmentType,
      JSON.stringify(a.custom),
      state.startDate,
      state.status === 'terminated' ? state.terminationDate : null,
      current?.scheduledTermination?.effectiveDate ?? null,
      state.nextDueDate,
      state.employment,
      event.revision.toString(),
      createdAt,
      event.recordedAt,
      JSON.stringify(state),
    ],
  );
}
