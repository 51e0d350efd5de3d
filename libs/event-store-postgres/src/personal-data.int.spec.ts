import { ERASED_MARKER } from '@tenure/contracts';
import { randomIds, type RecordedEvent } from '@tenure/event-sourcing';
import type { PostgresEventStore } from './postgres-event-store';
import { verifyEventLog } from './tamper-evidence/verify-event-log';
import { openMigratedStore } from './testing/migrated-store';

const SECRETS = ['Ingrid', 'Nyqvist', 'ingrid.nyqvist@example.com', '+33 6 12 34 56 78', 'burn-out'];

const attributes = (givenName: string, familyName: string, email: string, phone: string) => ({
  givenName,
  familyName,
  email,
  department: 'Finance',
  title: 'Controller',
  managerEmployeeNumber: null,
  location: 'Lyon',
  costCenter: 'CC-7',
  employmentType: 'employee',
  custom: { phone },
});

const newEvent = (type: string, data: unknown) => ({
  type,
  data,
  metadata: {
    eventId: randomIds.newId(),
    correlationId: 'personal-data-test',
    causationId: null,
    actor: { kind: 'system' as const, id: 'test' },
    occurredAt: '2026-11-26T08:00:00.000Z',
  },
});

async function hireAndLeave(store: PostgresEventStore, employeeNumber: string, person: ReturnType<typeof attributes>): Promise<void> {
  const identityId = `id-${employeeNumber}`;
  await store.appendToStream(`identity-${employeeNumber}`, [
    newEvent('IdentityHired', { identityId, employeeNumber, attributes: person, startDate: '2026-01-05' }),
    newEvent('IdentityLeaveStarted', { identityId, effectiveDate: '2026-03-01', reason: 'burn-out' }),
    newEvent('IdentityTerminated', { identityId, employeeNumber, terminationDate: '2026-05-10', reason: null, lifecycle: 'leaver' }),
  ]);
}

function personalValues(events: readonly RecordedEvent[]): unknown[] {
  const hired = events.find((event) => event.type === 'IdentityHired')!.data as { attributes: ReturnType<typeof attributes> };
  const leave = events.find((event) => event.type === 'IdentityLeaveStarted')!.data as { reason: string };
  const { givenName, familyName, email, custom } = hired.attributes;
  return [givenName, familyName, email, custom.phone, leave.reason];
}

describe('personal data in the PostgreSQL event store (crypto-shredding)', () => {
  let store: PostgresEventStore;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ store, close } = await openMigratedStore(4));
    await hireAndLeave(store, '1001', attributes('Ingrid', 'Nyqvist', 'ingrid.nyqvist@example.com', '+33 6 12 34 56 78'));
    await hireAndLeave(store, '1002', attributes('Oskar', 'Lind', 'oskar.lind@example.com', '+33 6 99 99 99 99'));
  });
  afterAll(() => close());

  it('given identity events, when the raw rows are read, then no personal value is stored in clear', async () => {
    const { rows } = await store.pool.query<{ data: string }>(
      `SELECT data::text AS data FROM tenure_events WHERE stream_id LIKE 'identity-%'`,
    );

    expect(rows.length).toBe(6);
    for (const secret of [...SECRETS, 'Oskar', 'oskar.lind@example.com'])
      expect(rows.filter((row) => row.data.includes(secret))).toEqual([]);
    // The organisational facts stay readable in the log.
    expect(rows.some((row) => row.data.includes('Finance'))).toBe(true);
  });

  it('given a live key, when the stream is read or followed, then the personal values are revealed', async () => {
    expect(personalValues(await store.readStream('identity-1001'))).toEqual(SECRETS);
    expect(personalValues((await store.readAll()).filter((event) => event.streamId === 'identity-1001'))).toEqual(SECRETS);
  });

  it('given an erased person, when read, followed and verified, then their fields read as erased, others are intact and the chains hold', async () => {
    const destroyed = await store.personalData.keys.destroy('identity-1001', 'GDPR-17 case T-1');
    expect(destroyed.keyIds).toHaveLength(1);

    const erased = Array(SECRETS.length).fill(ERASED_MARKER);
    expect(personalValues(await store.readStream('identity-1001'))).toEqual(erased);
    expect(personalValues(await followedEvents(store, 'identity-1001'))).toEqual(erased);
    expect(personalValues(await store.readStream('identity-1002'))).toEqual([
      'Oskar',
      'Lind',
      'oskar.lind@example.com',
      '+33 6 99 99 99 99',
      'burn-out',
    ]);

    const report = await verifyEventLog(store.pool);
    expect(report.findings).toEqual([]);
    expect(report.intact).toBe(true);
  });

  it('given an erased person who is rehired, when the new events are read, then they are readable under a new key and the old ones stay erased', async () => {
    const person = attributes('Ingrid', 'Holm', 'ingrid.holm@example.com', '+33 7 00 00 00 00');
    await store.appendToStream('identity-1001', [
      newEvent('IdentityRehired', { identityId: 'id-1001', employeeNumber: '1001', attributes: person, startDate: '2026-12-01' }),
    ]);

    const events = await store.readStream('identity-1001');
    expect((events.at(-1)!.data as { attributes: { familyName: string } }).attributes.familyName).toBe('Holm');
    expect((events[0]!.data as { attributes: { familyName: string } }).attributes.familyName).toBe(ERASED_MARKER);
    const keys = await store.personalData.keys.history('identity-1001');
    expect(keys.map((key) => key.destroyedAt === null)).toEqual([false, true]);
  });
});

/** The events of one stream as a subscriber (LogFollower) receives them, from the start of the log. */
async function followedEvents(store: PostgresEventStore, streamId: string): Promise<RecordedEvent[]> {
  const seen: RecordedEvent[] = [];
  const subscription = await store.subscribeToAll({
    subscriptionId: `personal-data-${randomIds.newId()}`,
    filter: { streamPrefixes: [streamId] },
    handle: async (event) => void seen.push(event),
  });
  try {
    await subscription.waitUntilCaughtUp(10_000);
  } finally {
    await subscription.stop();
  }
  return seen;
}
