import { type LocalService, startLocalService } from '@tenure/service-runtime';
import { createTestDatabase, postGraphql, type TestDatabase } from '@tenure/testing';
import { identityService } from '../../app';
import { signatureHeader } from '../webhook/hr-webhook-signature';

// The identity service as it runs, on PostgreSQL, fed over HTTP by SCIM and the webhook, with the
// mass-change limit lowered to 2 people (the share rule only from 100 people) so bursts are small.
const SCIM_TOKEN = 'burst-test-scim-token';
const ADMIN_TOKEN = 'burst-test-admin-token';
const WEBHOOK_SECRET = 'burst-test-webhook-secret';
const ENV = {
  SCIM_TOKENS: SCIM_TOKEN,
  ADMIN_TOKENS: ADMIN_TOKEN,
  HR_WEBHOOK_SECRETS: WEBHOOK_SECRET,
  MASS_CHANGE_MAX_COUNT: '2',
  MASS_CHANGE_MIN_COUNT_FOR_SHARE: '100',
};

interface Hold {
  id: string;
  channel: string;
  status: string;
  reasons: string[];
  changeCount: number;
  decidedBy: string | null;
  discardReason: string | null;
  applied: number | null;
  failures: { employeeNumber: string; code: string }[];
  changes: { employeeNumber: string; description: string; kinds: string[] }[];
}
const HOLD_FIELDS = `id channel status reasons changeCount decidedBy discardReason applied
  failures { employeeNumber code } changes { employeeNumber description kinds }`;

describe('the mass-change guard on the live HR feeds (SCIM and webhook)', () => {
  jest.setTimeout(30_000);
  let database: TestDatabase;
  let identity: LocalService;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    database = await createTestDatabase(2);
    Object.assign(process.env, ENV);
    try {
      identity = await startLocalService(identityService, database.url);
    } finally {
      for (const name of Object.keys(ENV)) delete process.env[name];
    }
    for (let n = 1; n <= 12; n++) await createUser(`B-${n}`);
  });

  afterAll(async () => {
    await identity?.close();
    await database?.drop();
  });

  async function scim(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> | null }> {
    const response = await fetch(`${identity.url}/scim/v2${path}`, {
      method,
      headers: { authorization: `Bearer ${SCIM_TOKEN}`, 'content-type': 'application/scim+json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
  }

  async function createUser(userName: string): Promise<void> {
    const created = await scim('POST', '/Users', {
      userName,
      name: { givenName: 'Test', familyName: userName },
      emails: [{ value: `${userName.toLowerCase()}@example.com`, type: 'work' }],
      title: 'Analyst',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'Finance' },
      'urn:ietf:params:scim:schemas:extension:tenure:hr:2.0:User': { startDate: '2024-02-01' },
    });
    expect(created.status).toBe(201);
    ids.set(userName, String(created.body!['id']));
  }

  const user = (userName: string) => scim('GET', `/Users/${ids.get(userName)}`);
  const remove = (userName: string) => scim('DELETE', `/Users/${ids.get(userName)}`);
  const patch = (userName: string, operations: unknown[]) =>
    scim('PATCH', `/Users/${ids.get(userName)}`, { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: operations });

  const graphql = <Data>(query: string, token: string | null = ADMIN_TOKEN) => postGraphql<Data>(identity.url, query, {}, token);

  async function deliver(body: Record<string, unknown>): Promise<{ status: number; body: Record<string, unknown> }> {
    const raw = JSON.stringify(body);
    const response = await fetch(`${identity.url}/hr/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'tenure-signature': signatureHeader(WEBHOOK_SECRET, Math.floor(Date.now() / 1000), raw),
      },
      body: raw,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('given two SCIM terminations within the limit, when a third arrives, then it is held (202) and the rest of the burst waits with it until an administrator confirms', async () => {
    expect((await remove('B-1')).status).toBe(204);
    expect((await remove('B-2')).status).toBe(204);

    const third = await remove('B-3');

    expect(third.status).toBe(202);
    expect(third.body).toMatchObject({
      schemas: ['urn:tenure:params:scim:api:messages:2.0:HeldChange'],
      status: '202',
      holdId: expect.stringMatching(/^scim-/),
      reasons: ['3 terminations out of 10 identities (30.0%): more than the limit of 2 people'],
    });
    expect((await user('B-3')).body).toMatchObject({ active: true });

    // A move joins the held burst; a harmless change of someone else goes through; a later change of a held person waits.
    const moved = await patch('B-4', [{ op: 'replace', path: 'title', value: 'Controller' }]);
    const renamed = await patch('B-5', [{ op: 'replace', path: 'name.givenName', value: 'Renamed' }]);
    const heldPersonRenamed = await patch('B-3', [{ op: 'replace', path: 'name.givenName', value: 'Later' }]);
    expect([moved.status, renamed.status, heldPersonRenamed.status]).toEqual([202, 200, 202]);
    expect((await user('B-4')).body).toMatchObject({ title: 'Analyst' });
    expect((await user('B-5')).body).toMatchObject({ name: { givenName: 'Renamed' } });

    const held = await graphql<{ hrFeedHolds: Hold[] }>(`{ hrFeedHolds(status: HELD) { ${HOLD_FIELDS} } }`);
    expect(held.errors).toBeUndefined();
    expect(held.data!.hrFeedHolds).toEqual([
      expect.objectContaining({
        id: third.body!['holdId'],
        channel: 'SCIM',
        status: 'HELD',
        changeCount: 3,
        changes: [
          { employeeNumber: 'B-3', description: expect.stringContaining('terminate on'), kinds: ['terminations'] },
          { employeeNumber: 'B-4', description: 'update from the HR record', kinds: ['moves'] },
          { employeeNumber: 'B-3', description: 'update from the HR record', kinds: [] },
        ],
      }),
    ]);

    const withoutToken = await graphql(`mutation { confirmHrFeedHold(id: "${String(third.body!['holdId'])}") { id } }`, null);
    expect(withoutToken.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const confirmed = await graphql<{ confirmHrFeedHold: Hold }>(
      `mutation { confirmHrFeedHold(id: "${String(third.body!['holdId'])}") { ${HOLD_FIELDS} } }`,
    );
    expect(confirmed.errors).toBeUndefined();
    // Applied in the order received: B-3 is terminated first, so its later rename meets a terminated identity and is refused.
    expect(confirmed.data!.confirmHrFeedHold).toMatchObject({
      status: 'APPLIED',
      applied: 2,
      failures: [{ employeeNumber: 'B-3', code: 'illegal_state' }],
      decidedBy: 'admin-token',
    });
    expect((await user('B-3')).body).toMatchObject({ active: false, name: { givenName: 'Test' } });
    expect((await user('B-4')).body).toMatchObject({ title: 'Controller' });

    // The decision restarts the window: the next termination is the first one counted.
    expect((await remove('B-6')).status).toBe(204);
  });

  it('given a webhook burst held, when it is delivered again and then discarded, then the redelivery gets the same 202 and nothing of it is applied', async () => {
    const terminate = (employeeNumber: string) => ({
      eventId: `terminate-${employeeNumber}`,
      type: 'terminate',
      effectiveDate: null,
      employeeNumber,
      reason: 'resigned',
    });
    const first = await deliver(terminate('B-7'));
    expect(first).toMatchObject({ status: 200, body: { status: 'applied', events: ['IdentityTerminated'] } });
    expect((await deliver(terminate('B-8'))).status).toBe(200);

    const third = await deliver(terminate('B-9'));
    const again = await deliver(terminate('B-9'));

    expect(third).toMatchObject({ status: 202, body: { status: 'held', holdId: expect.stringMatching(/^webhook-/) } });
    expect(again).toMatchObject({ status: 202, body: { status: 'duplicate', outcome: { status: 'held', holdId: third.body['holdId'] } } });
    const { rows } = await database.pool.query('SELECT status FROM hr_webhook_deliveries WHERE event_id = $1', ['terminate-B-9']);
    expect(rows).toEqual([{ status: 'held' }]);

    const noReason = await graphql(`mutation { discardHrFeedHold(id: "${String(third.body['holdId'])}", reason: "") { id } }`);
    expect(noReason.errors?.[0]?.message).toContain('a reason is required');
    const discarded = await graphql<{ discardHrFeedHold: Hold }>(
      `mutation { discardHrFeedHold(id: "${String(third.body['holdId'])}", reason: "HR system sent a bad batch") { ${HOLD_FIELDS} } }`,
    );

    expect(discarded.data!.discardHrFeedHold).toMatchObject({
      channel: 'WEBHOOK',
      status: 'DISCARDED',
      discardReason: 'HR system sent a bad batch',
      changeCount: 1,
    });
    expect((await user('B-9')).body).toMatchObject({ active: true });
  });
});
