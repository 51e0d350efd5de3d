import { createHashCheckpoint } from '@tenure/event-store-postgres';
import { mintCallerToken, startLocalService, type LocalService } from '@tenure/service-runtime';
import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import { identityService } from '../../app';
import { IdentityCommands } from '../../application/identity-commands';
import { CSV, hrRecord } from '../testing/identity-graph';

// The event log's tamper evidence over the identity subgraph: intact, then altered in the database
// directly, as someone with access to PostgreSQL but not to Tenure would.
const ADMIN_TOKEN = 'event-log-admin-token';
const CALLER_TOKEN_SECRET = 'event-log-caller-token-secret-0123456789';
const QUERY = '{ eventLogVerification { intact streams events findings { kind streamId revision eventId source } findingsOmitted } }';

interface Verification {
  readonly eventLogVerification: {
    readonly intact: boolean;
    readonly streams: number;
    readonly events: number;
    readonly findings: readonly {
      readonly kind: string;
      readonly streamId: string;
      readonly revision: string;
      readonly eventId: string | null;
    }[];
  };
}

describe('eventLogVerification over HTTP', () => {
  let database: TestDatabase;
  let identity: LocalService;

  beforeAll(async () => {
    database = await createTestDatabase(2);
    process.env['ADMIN_TOKENS'] = ADMIN_TOKEN;
    process.env['CALLER_TOKEN_SECRET'] = CALLER_TOKEN_SECRET;
    identity = await startLocalService(identityService, database.url);
    const commands = identity.app.get(IdentityCommands);
    const origin = { actor: { kind: 'hr-feed', id: 'nightly-csv' }, correlationId: 'event-log-test' } as const;
    await commands.syncFromHr(hrRecord('8101', { givenName: 'Noor', familyName: 'Haddad' }), CSV, origin);
    await commands.syncFromHr(hrRecord('8102', { givenName: 'Ivo', familyName: 'Novak', managerEmployeeNumber: '8101' }), CSV, origin);
  });

  afterAll(async () => {
    await identity?.close();
    await database?.drop();
    delete process.env['ADMIN_TOKENS'];
    delete process.env['CALLER_TOKEN_SECRET'];
  });

  it('given an untouched log, when an auditor verifies it, then it is intact', async () => {
    const auditor = await mintCallerToken(CALLER_TOKEN_SECRET, '8102', { roles: ['auditor'] });

    const { data, errors } = await identity.graphql<Verification>(QUERY, auditor);

    expect(errors).toBeUndefined();
    expect(data?.eventLogVerification).toMatchObject({ intact: true, findings: [] });
    expect(data?.eventLogVerification.events).toBeGreaterThanOrEqual(2);
  });

  it('given an employee, when they ask, then it is forbidden', async () => {
    const employee = await mintCallerToken(CALLER_TOKEN_SECRET, '8101');

    const { errors } = await identity.graphql(QUERY, employee);

    expect(errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
  });

  it('given the latest checkpoint exported, when verified against it, then the heads match; against an altered copy, the alteration is named; against text that is no checkpoint, a bad input', async () => {
    await createHashCheckpoint(database.pool);
    const auditor = await mintCallerToken(CALLER_TOKEN_SECRET, '8102', { roles: ['auditor'] });
    const exported = await identity.graphql<{ exportedHashCheckpoint: string }>('{ exportedHashCheckpoint }', auditor);
    const kept = JSON.parse(exported.data!.exportedHashCheckpoint) as { root: string; heads: { streamId: string; hash: string }[] };
    expect(kept.heads.length).toBeGreaterThanOrEqual(2);
    // A JSON string literal is a GraphQL string literal too.
    const against = (text: string) =>
      `{ eventLogVerification(against: ${JSON.stringify(text)}) { intact checkpoint { source root intact problems } } }`;

    const same = await identity.graphql<{
      eventLogVerification: { intact: boolean; checkpoint: { source: string; root: string; problems: string[] } };
    }>(against(exported.data!.exportedHashCheckpoint), auditor);
    expect(same.data?.eventLogVerification).toMatchObject({
      intact: true,
      checkpoint: { source: 'export', root: kept.root, problems: [] },
    });

    const altered = { ...kept, heads: kept.heads.map((head, i) => (i === 0 ? { ...head, hash: '0'.repeat(64) } : head)) };
    const differs = await identity.graphql<{
      eventLogVerification: { intact: boolean; checkpoint: { intact: boolean; problems: string[] } };
    }>(against(JSON.stringify(altered)), auditor);
    expect(differs.data?.eventLogVerification.intact).toBe(false);
    expect(differs.data?.eventLogVerification.checkpoint.problems.join('\n')).toContain('the checkpoint itself was altered');

    const garbage = await identity.graphql(against('{"format": "something else"}'), auditor);
    expect(garbage.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('not a checkpoint export'),
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
    const employee = await mintCallerToken(CALLER_TOKEN_SECRET, '8101');
    expect((await identity.graphql('{ exportedHashCheckpoint }', employee)).errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
    ]);
  });

  it('given an event’s data changed in the database, when verified, then that event is reported MODIFIED', async () => {
    const { rows } = await database.pool.query<{ stream_id: string; revision: string; event_id: string }>(
      `SELECT stream_id, revision::text, event_id FROM tenure_events ORDER BY global_position LIMIT 1`,
    );
    const altered = rows[0]!;
    await database.pool.query(`UPDATE tenure_events SET data = jsonb_set(data, '{tampered}', 'true') WHERE event_id = $1`, [
      altered.event_id,
    ]);

    const { data } = await identity.graphql<Verification>(QUERY, ADMIN_TOKEN);

    expect(data?.eventLogVerification.intact).toBe(false);
    expect(data?.eventLogVerification.findings).toContainEqual(
      expect.objectContaining({ kind: 'MODIFIED', streamId: altered.stream_id, revision: altered.revision, eventId: altered.event_id }),
    );
  });
});
