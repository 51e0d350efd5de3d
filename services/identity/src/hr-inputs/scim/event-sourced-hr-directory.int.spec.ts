import { DomainError, randomIds, type Clock } from '@tenure/event-sourcing';
import { migrate, PostgresEventStore, startProjection, type RunningProjection } from '@tenure/event-store-postgres';
import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import { IdentityCommands } from '../../application/identity-commands';
import { identityStreamId } from '../../application/identity-streams';
import type { HrAttributes, HrRecord, HrSource } from '../../domain/hr-record';
import { identityDirectoryProjection } from '../../read-model/identity-directory.projection';
import { FeedChangeGuard, feedGuardProjection } from '../feed-guard';
import { EventSourcedHrDirectory } from './event-sourced-hr-directory';
import type { DirectoryIdentity, IdentityFilter } from './hr-directory';
import { toIdentityFilter } from './scim-filter';
import { hrRecord } from '../../testing/hr-records';

const SCIM: HrSource = { kind: 'scim', reference: 'scim:request-1' };

function person(employeeNumber: string, overrides: Partial<HrAttributes> = {}): HrRecord {
  return hrRecord(employeeNumber, overrides, { startDate: '2026-01-05' });
}

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, got success');
}

/** The SCIM directory port on the real event store and directory projection, on PostgreSQL. */
describe('EventSourcedHrDirectory on PostgreSQL', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let projection: RunningProjection;
  let guardProjection: RunningProjection;
  let directory: EventSourcedHrDirectory;
  const clock: Clock = { now: () => new Date('2026-11-25T09:00:00Z') };

  const create = (record: HrRecord, externalId: string | null = null): Promise<DirectoryIdentity> =>
    directory.sync({ id: null, record, externalId, source: SCIM });
  const employeeNumbers = async (filter: IdentityFilter | null, startIndex = 1, count = 100): Promise<string[]> =>
    (await directory.list({ filter, startIndex, count })).identities.map((identity) => identity.record.employeeNumber);

  beforeAll(async () => {
    database = await createTestDatabase(4);
    await migrate(database.pool);
    store = new PostgresEventStore({ connectionString: database.url, poolSize: 4 });
    const commands = new IdentityCommands({ store, pool: store.pool, clock, ids: randomIds });
    projection = await startProjection({ pool: store.pool, notifier: store.wakeups, projection: identityDirectoryProjection });
    guardProjection = await startProjection({ pool: store.pool, notifier: store.wakeups, projection: feedGuardProjection });
    const caughtUp = async () => {
      await Promise.all([projection.waitUntilCaughtUp(10_000), guardProjection.waitUntilCaughtUp(10_000)]);
    };
    const guard = new FeedChangeGuard({ store, pool: store.pool, clock, ids: randomIds, commands, caughtUp, windowMs: 3_600_000 });
    directory = new EventSourcedHrDirectory({ store, pool: store.pool, guard, readModel: { directoryCaughtUp: caughtUp } });

    await create(
      person('2001', { givenName: 'Ada', familyName: 'Lovelace', department: 'Research', custom: { division: 'Labs' } }),
      'hr-2001',
    );
    await create(person('2002', { givenName: 'Alan', familyName: 'Turing', department: 'Research' }));
    await create(person('2003', { givenName: 'Grace', familyName: 'Hopper', department: 'Engineering' }));
    await create({ ...person('2004', { givenName: 'Linus', familyName: 'Torvalds' }), active: false });
  });

  afterAll(async () => {
    await Promise.all([projection.stop(), guardProjection.stop()]);
    await store.close();
    await database.drop();
  });

  it('given a created identity, when it is read by its id, then it shows the record, the external id, its status and its stream revision', async () => {
    const created = await create(
      person('3001', { givenName: 'Barbara', familyName: 'Liskov', custom: { organization: 'MIT' } }),
      'hr-3001',
    );

    const read = await directory.get(created.id);

    expect(read).toEqual(created);
    expect(read).toMatchObject({
      externalId: 'hr-3001',
      status: 'active',
      record: person('3001', { givenName: 'Barbara', familyName: 'Liskov', custom: { organization: 'MIT' } }),
    });
    const events = await store.readStream(identityStreamId('3001'));
    expect(read?.version).toBe(events.at(-1)?.revision.toString());
    expect(events.every((event) => event.metadata.actor.kind === 'hr-feed' && event.metadata.actor.id === 'scim')).toBe(true);
    expect(await directory.get('00000000-0000-0000-0000-000000000000')).toBeNull();
  });

  it('given identities, when filtered by userName eq, familyName sw, active eq false, and/or, then exactly the matching ones come back', async () => {
    expect(await employeeNumbers(toIdentityFilter('userName eq "2002"'))).toEqual(['2002']);
    expect(await employeeNumbers(toIdentityFilter('name.familyName sw "tu"'))).toEqual(['2002']);
    expect(await employeeNumbers(toIdentityFilter('active eq false'))).toEqual(['2004']);
    expect(await employeeNumbers(toIdentityFilter('department eq "Research" and name.givenName co "a"'))).toEqual(['2001', '2002']);
    expect(await employeeNumbers(toIdentityFilter('name.familyName eq "Hopper" or externalId eq "hr-2001"'))).toEqual(['2001', '2003']);
    expect(await employeeNumbers(toIdentityFilter('division pr and not (userName eq "2002")'))).toEqual(['2001']);
    expect(await employeeNumbers(toIdentityFilter(`userName eq "x' OR 1=1 --"`))).toEqual([]);
  });

  it('given identities, when paged, then each page holds the next ones in creation order and the total counts all', async () => {
    const research = toIdentityFilter('userName sw "200"');

    const first = await directory.list({ filter: research, startIndex: 1, count: 2 });
    const second = await directory.list({ filter: research, startIndex: 3, count: 2 });
    const onlyTotal = await directory.list({ filter: research, startIndex: 1, count: 0 });

    expect(first.totalResults).toBe(4);
    expect(first.identities.map((identity) => identity.record.employeeNumber)).toEqual(['2001', '2002']);
    expect(second.identities.map((identity) => identity.record.employeeNumber)).toEqual(['2003', '2004']);
    expect(onlyTotal).toEqual({ totalResults: 4, identities: [] });
  });

  it('given an identity, when it is synced with a changed department at its current version, then the change shows with a new version', async () => {
    const created = await create(person('3002'));

    const moved = await directory.sync({
      id: created.id,
      record: person('3002', { department: 'Sales' }),
      externalId: null,
      expectedVersion: created.version,
      source: SCIM,
    });

    expect(moved.record.attributes.department).toBe('Sales');
    expect(BigInt(moved.version)).toBeGreaterThan(BigInt(created.version));
    expect((await directory.get(created.id))?.record.attributes.department).toBe('Sales');
  });

  it('given an identity that changed since it was read, when synced with the old version, then a version_mismatch conflict is raised and nothing changes', async () => {
    const created = await create(person('3003'));
    await directory.sync({ id: created.id, record: person('3003', { title: 'Lead' }), externalId: null, source: SCIM });

    const error = await rejection(
      directory.sync({
        id: created.id,
        record: person('3003', { title: 'Director' }),
        externalId: null,
        expectedVersion: created.version,
        source: SCIM,
      }),
    );

    expect(error).toMatchObject({ code: 'conflict', details: { reason: 'version_mismatch' } });
    expect((await directory.get(created.id))?.record.attributes.title).toBe('Lead');
  });

  it('given an existing employee number, when another identity is created with it, then a uniqueness conflict is raised', async () => {
    const error = await rejection(create(person('2001', { givenName: 'Impostor' })));

    expect(error).toMatchObject({ code: 'conflict', details: { reason: 'uniqueness' } });
    expect(await employeeNumbers(toIdentityFilter('userName eq "2001"'))).toEqual(['2001']);
    expect(
      (await directory.list({ filter: toIdentityFilter('name.givenName eq "Impostor"'), startIndex: 1, count: 10 })).totalResults,
    ).toBe(0);
  });

  it('given an active identity, when it is terminated, then it is a leaver now and the termination event names SCIM as its source', async () => {
    const created = await create(person('3004'));

    const terminated = await directory.terminate({ id: created.id, expectedVersion: created.version, source: SCIM });

    expect(terminated).toMatchObject({ id: created.id, status: 'terminated', record: { active: false, terminationDate: '2026-11-25' } });
    expect(await employeeNumbers(toIdentityFilter('active eq false and userName eq "3004"'))).toEqual(['3004']);
    const events = await store.readStream(identityStreamId('3004'));
    expect(events.at(-1)).toMatchObject({ type: 'IdentityTerminated', data: { source: SCIM } });
  });

  it('given an unknown id, when it is synced or terminated, then not_found is raised', async () => {
    const unknown = '11111111-1111-1111-1111-111111111111';
    expect(await rejection(directory.terminate({ id: unknown, source: SCIM }))).toMatchObject({ code: 'not_found' });
    expect(await rejection(directory.sync({ id: unknown, record: person('3999'), externalId: null, source: SCIM }))).toMatchObject({
      code: 'not_found',
    });
  });
});
