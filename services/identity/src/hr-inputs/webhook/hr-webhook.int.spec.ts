import { type LocalService, startLocalService } from '@tenure/service-runtime';
import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import { identityService } from '../../app';
import { signatureHeader } from './hr-webhook-signature';
import { PersonalDataVault } from '@tenure/personal-data';

const SECRET = 'hr-webhook-test-secret-7f3a9c1e';
const ROTATED_OUT_SECRET = 'hr-webhook-old-secret-0b2d4f6a';

interface StoredEvent {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: { readonly correlationId: string; readonly actor: { readonly kind: string; readonly id: string } };
}

interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

function person(overrides: Record<string, unknown> = {}) {
  return {
    givenName: 'Ada',
    familyName: 'Lovelace',
    email: 'ada@example.com',
    department: 'Engineering',
    title: 'Engineer',
    managerEmployeeNumber: null,
    location: 'London',
    costCenter: 'CC-10',
    employmentType: 'employee',
    ...overrides,
  };
}

/** The HR webhook on the running identity service, over real HTTP, on a real PostgreSQL. */
describe('HR webhook over HTTP', () => {
  let database: TestDatabase;
  let identity: LocalService;
  // A second service on its own database, started without secrets. Both run for the whole file:
  // closing a service moments after it started races its background projections' start.
  let unconfiguredDatabase: TestDatabase;
  let unconfigured: LocalService;

  async function deliver(
    body: unknown,
    options: { secret?: string; timestamp?: number; header?: string | null; raw?: string } = {},
  ): Promise<Answer> {
    const raw = options.raw ?? JSON.stringify(body);
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const header = options.header === undefined ? signatureHeader(options.secret ?? SECRET, timestamp, raw) : options.header;
    const response = await fetch(`${identity.url}/hr/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(header === null ? {} : { 'tenure-signature': header }) },
      body: raw,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  async function stream(employeeNumber: string): Promise<StoredEvent[]> {
    const { rows } = await database.pool.query<StoredEvent>(
      'SELECT type, data, metadata FROM tenure_events WHERE stream_id = $1 ORDER BY revision',
      [`identity-${employeeNumber}`],
    );
    // Personal values are stored encrypted (docs/personal-data.md): read them as every reader of the store does.
    return new PersonalDataVault(database.pool).reveal(rows);
  }

  async function deliveries(eventId: string): Promise<{ status: string }[]> {
    const { rows } = await database.pool.query<{ status: string }>('SELECT status FROM hr_webhook_deliveries WHERE event_id = $1', [
      eventId,
    ]);
    return rows;
  }

  async function hireNow(employeeNumber: string, overrides: Record<string, unknown> = {}): Promise<void> {
    const hired = await deliver({
      eventId: `hire-${employeeNumber}`,
      type: 'hire',
      effectiveDate: isoDay(0),
      employeeNumber,
      record: person({ email: `p${employeeNumber}@example.com`, ...overrides }),
    });
    expect(hired).toMatchObject({ status: 200, body: { status: 'applied', events: ['IdentityHired', 'IdentityActivated'] } });
  }

  beforeAll(async () => {
    database = await createTestDatabase(2);
    process.env['HR_WEBHOOK_SECRETS'] = `${SECRET}, ${ROTATED_OUT_SECRET}`;
    // A handful of people here: the mass-change guard's share rule would hold the third move (see feed-guard tests).
    process.env['MASS_CHANGE_MIN_COUNT_FOR_SHARE'] = '1000';
    try {
      identity = await startLocalService(identityService, database.url);
    } finally {
      delete process.env['HR_WEBHOOK_SECRETS'];
      delete process.env['MASS_CHANGE_MIN_COUNT_FOR_SHARE'];
    }
    unconfiguredDatabase = await createTestDatabase(2);
    unconfigured = await startLocalService(identityService, unconfiguredDatabase.url);
  });

  afterAll(async () => {
    await identity?.close();
    await unconfigured?.close();
    await database?.drop();
    await unconfiguredDatabase?.drop();
  });

  it('given a signed hire with a future effective date, then the identity is hired as a pre-hire starting that day, recorded as the HR feed', async () => {
    const startDate = isoDay(30);
    // Pretty-printed on purpose: the signature covers the bytes as sent, not a re-serialised object.
    const raw = JSON.stringify(
      { eventId: 'evt-hire-2001', type: 'hire', effectiveDate: startDate, employeeNumber: '2001', record: person() },
      null,
      2,
    );

    const answer = await deliver(undefined, { raw });

    expect(answer).toEqual({
      status: 200,
      body: { status: 'applied', eventId: 'evt-hire-2001', type: 'hire', employeeNumber: '2001', events: ['IdentityHired'] },
    });
    const [hired, ...rest] = await stream('2001');
    expect(rest).toEqual([]);
    expect(hired).toMatchObject({
      type: 'IdentityHired',
      data: {
        employeeNumber: '2001',
        startDate,
        attributes: { ...person(), custom: {} },
        source: { kind: 'webhook', reference: 'evt-hire-2001' },
      },
      metadata: { correlationId: 'evt-hire-2001', actor: { kind: 'hr-feed', id: 'hr-webhook' } },
    });
  });

  it('given an active identity, when a signed change moves them, then IdentityMoved carries before and after', async () => {
    await hireNow('2002');

    const answer = await deliver({
      eventId: 'evt-move-2002',
      type: 'change',
      effectiveDate: null,
      employeeNumber: '2002',
      changes: { department: 'Finance', title: 'Controller' },
    });

    expect(answer).toMatchObject({ status: 200, body: { status: 'applied', events: ['IdentityMoved'] } });
    const moved = (await stream('2002')).at(-1);
    expect(moved).toMatchObject({
      type: 'IdentityMoved',
      data: {
        lifecycle: 'mover',
        before: { department: 'Engineering', title: 'Engineer' },
        after: { department: 'Finance', title: 'Controller' },
        source: { kind: 'webhook', reference: 'evt-move-2002' },
      },
    });
  });

  it('accepts a delivery signed with a second configured secret (rotation)', async () => {
    await hireNow('2003');
    const answer = await deliver(
      { eventId: 'evt-title-2003', type: 'change', effectiveDate: null, employeeNumber: '2003', changes: { location: 'Paris' } },
      { secret: ROTATED_OUT_SECRET },
    );
    expect(answer).toMatchObject({ status: 200, body: { status: 'applied', events: ['IdentityAttributesUpdated'] } });
  });

  it('given a signed termination for a future date, then the termination is scheduled, not applied', async () => {
    await hireNow('2004');
    const lastDay = isoDay(14);

    const answer = await deliver({
      eventId: 'evt-leave-2004',
      type: 'terminate',
      effectiveDate: lastDay,
      employeeNumber: '2004',
      reason: 'resigned',
    });

    expect(answer).toMatchObject({ status: 200, body: { status: 'applied', events: ['TerminationScheduled'] } });
    expect((await stream('2004')).at(-1)).toMatchObject({
      type: 'TerminationScheduled',
      data: { effectiveDate: lastDay, reason: 'resigned', source: { kind: 'webhook', reference: 'evt-leave-2004' } },
    });
  });

  it('given a delivered event, when the sender redelivers the same event id, then nothing new is recorded and the first outcome is returned', async () => {
    await hireNow('2005');
    const event = {
      eventId: 'evt-redeliver-2005',
      type: 'change',
      effectiveDate: null,
      employeeNumber: '2005',
      changes: { costCenter: 'CC-99' },
    };
    const first = await deliver(event);
    const recorded = await stream('2005');

    const again = await deliver(event);

    expect(first).toMatchObject({ status: 200, body: { status: 'applied', events: ['IdentityMoved'] } });
    expect(again).toEqual({
      status: 200,
      body: { status: 'duplicate', eventId: 'evt-redeliver-2005', firstReceivedAt: expect.any(String), outcome: first.body },
    });
    expect(await stream('2005')).toEqual(recorded);
  });

  it('given the same event delivered five times at once, then it is applied exactly once and every other delivery is a duplicate', async () => {
    await hireNow('2006');
    const event = {
      eventId: 'evt-burst-2006',
      type: 'change',
      effectiveDate: null,
      employeeNumber: '2006',
      changes: { title: 'Staff Engineer' },
    };

    const answers = await Promise.all(Array.from({ length: 5 }, () => deliver(event)));

    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.map((answer) => answer.body['status']).sort()).toEqual(['applied', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect((await stream('2006')).map((event) => event.type)).toEqual(['IdentityHired', 'IdentityActivated', 'IdentityMoved']);
    expect(await deliveries('evt-burst-2006')).toEqual([{ status: 'applied' }]);
  });

  it('refuses a delivery without the header, with a bad signature, with a tampered body or a stale timestamp (401, naming what failed), and records nothing', async () => {
    const event = { eventId: 'evt-unsigned', type: 'hire', effectiveDate: isoDay(1), employeeNumber: '2007', record: person() };
    const raw = JSON.stringify(event);
    const now = Math.floor(Date.now() / 1000);

    const missing = await deliver(event, { header: null });
    const wrongSecret = await deliver(event, { secret: 'not-the-configured-secret-123' });
    const tampered = await deliver(undefined, { raw: raw.replace('2007', '2008'), header: signatureHeader(SECRET, now, raw) });
    const stale = await deliver(event, { timestamp: now - 6 * 60 });
    const malformed = await deliver(event, { header: 'sha256=deadbeef' });

    expect(missing).toMatchObject({
      status: 401,
      body: { error: 'missing_signature', message: expect.stringContaining('Tenure-Signature') },
    });
    expect(wrongSecret).toMatchObject({ status: 401, body: { error: 'signature_mismatch' } });
    expect(tampered).toMatchObject({ status: 401, body: { error: 'signature_mismatch' } });
    expect(stale).toMatchObject({ status: 401, body: { error: 'stale_timestamp', message: expect.stringContaining('360 s old') } });
    expect(malformed).toMatchObject({ status: 401, body: { error: 'malformed_signature' } });
    expect(await stream('2007')).toEqual([]);
    expect(await deliveries('evt-unsigned')).toEqual([]);
  });

  it('answers a malformed body with 400 naming each field and its problem', async () => {
    const badHire = await deliver({
      eventId: 'evt-bad-hire',
      type: 'hire',
      effectiveDate: '2026-02-30',
      employeeNumber: '2009',
      record: person({ email: 'not-an-email', employmentType: 'freelancer', shoeSize: '42' }),
    });
    const notJson = await deliver(undefined, { raw: '{"eventId": "evt-cut-off", ' });
    const noChanges = await deliver({ eventId: 'evt-empty-change', type: 'change', employeeNumber: '2009', effectiveDate: null });

    expect(badHire.status).toBe(400);
    expect(badHire.body).toMatchObject({ error: 'invalid_body', message: expect.stringContaining('record.email is not an email address') });
    expect(badHire.body['problems']).toEqual(
      expect.arrayContaining([
        { field: 'effectiveDate', problem: 'is not a date (YYYY-MM-DD)' },
        { field: 'record.email', problem: 'is not an email address' },
        { field: 'record.employmentType', problem: 'is not one of employee, contractor, intern, temporary' },
        { field: 'record.shoeSize', problem: 'is not a known attribute' },
      ]),
    );
    expect(notJson).toMatchObject({ status: 400, body: { error: 'invalid_json' } });
    expect(noChanges).toMatchObject({
      status: 400,
      body: { problems: [{ field: 'changes', problem: expect.stringContaining('is required') }] },
    });
    expect(await stream('2009')).toEqual([]);
  });

  it('refuses a change for an unknown employee with 422 not_found, and answers its redelivery the same way', async () => {
    const event = { eventId: 'evt-ghost', type: 'change', effectiveDate: null, employeeNumber: '9999', changes: { title: 'Ghost' } };

    const answer = await deliver(event);
    const again = await deliver(event);

    expect(answer).toMatchObject({
      status: 422,
      body: {
        status: 'rejected',
        eventId: 'evt-ghost',
        error: { code: 'not_found', message: expect.stringContaining('needs a hired identity') },
      },
    });
    expect(again).toMatchObject({ status: 422, body: { status: 'duplicate', outcome: answer.body } });
    expect(await deliveries('evt-ghost')).toEqual([{ status: 'rejected' }]);
    expect(await stream('9999')).toEqual([]);
  });

  it('refuses a change of manager that would close a management cycle (422 validation)', async () => {
    await hireNow('3001');
    await hireNow('3002', { managerEmployeeNumber: '3001' });

    const answer = await deliver({
      eventId: 'evt-cycle-3001',
      type: 'change',
      effectiveDate: null,
      employeeNumber: '3001',
      changes: { managerEmployeeNumber: '3002' },
    });

    expect(answer).toMatchObject({
      status: 422,
      body: { error: { code: 'validation', message: expect.stringContaining('management cycle') } },
    });
    expect((await stream('3001')).map((event) => event.type)).toEqual(['IdentityHired', 'IdentityActivated']);
  });

  it('starts and ends a leave of absence, and cancels a scheduled termination', async () => {
    await hireNow('3003');
    await deliver({ eventId: 'evt-term-3003', type: 'terminate', effectiveDate: isoDay(20), employeeNumber: '3003' });

    const answers = [
      await deliver({
        eventId: 'evt-leave-3003',
        type: 'leave-start',
        effectiveDate: null,
        employeeNumber: '3003',
        reason: 'parental leave',
      }),
      await deliver({ eventId: 'evt-back-3003', type: 'leave-end', effectiveDate: isoDay(0), employeeNumber: '3003' }),
      await deliver({ eventId: 'evt-stay-3003', type: 'cancel-termination', effectiveDate: null, employeeNumber: '3003' }),
    ];

    expect(answers.map(({ status, body }) => [status, body['events']])).toEqual([
      [200, ['IdentityLeaveStarted']],
      [200, ['IdentityReturnedFromLeave']],
      [200, ['TerminationCancelled']],
    ]);
  });

  it('without HR_WEBHOOK_SECRETS, answers 503 "webhook not configured" and applies nothing', async () => {
    const raw = JSON.stringify({ eventId: 'evt-1', type: 'terminate', effectiveDate: null, employeeNumber: '1' });
    const response = await fetch(`${unconfigured.url}/hr/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'tenure-signature': signatureHeader(SECRET, Math.floor(Date.now() / 1000), raw) },
      body: raw,
    });

    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: 'not_configured', message: expect.stringContaining('webhook not configured') });
  });
});
