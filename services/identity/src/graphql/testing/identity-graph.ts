import { randomIds, type Clock } from '@tenure/event-sourcing';
import { migrate, PostgresEventStore, startProjection, type RunningProjection } from '@tenure/event-store-postgres';
import { buildFederatedSchema } from '@tenure/subgraph';
import { AdminTokenGuard, CallerGuard, CallerTokenVerifier, withRequestCredentials } from '@tenure/service-runtime';
import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import { graphql, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { IdentityCommands } from '../../application/identity-commands';
import type { HrRecord, HrSource } from '../../domain/hr-record';
import { AuditTrailQueries } from '../../read-model/audit-trail/audit-trail.queries';
import { identityDirectoryProjection } from '../../read-model/identity-directory.projection';
import { IdentityDirectoryReader } from '../../read-model/identity-directory.reader';
import { AuditTrailResolver } from '../audit-trail/audit-trail.resolver';
import { identityGraphqlResolvers, identityReferenceResolvers } from '../identity-graphql.module';
import { IdentityTimelineResolver } from '../identity-timeline.resolver';
import { serveIdentityReferencesFrom, stopServingIdentityReferencesFrom } from '../identity.reference';
import { IdentityResolver } from '../identity.resolver';

export const CSV: HrSource = { kind: 'csv', reference: 'import-7' };
/** The queries run as an administrator API token: what is read is tested here; who may read it, over HTTP. */
const ADMIN_TOKEN = 'identity-graph-admin-token';
const callerTokens = new CallerTokenVerifier(undefined);
const origin = { actor: { kind: 'hr-feed', id: 'nightly-csv' }, correlationId: 'import-7' } as const;

export { hrRecord } from '../../testing/hr-records';

/** The real reader, counting the batched lookups so tests can see that a page costs one query per level. */
class CountingReader extends IdentityDirectoryReader {
  readonly lookups = { byEmployeeNumbers: 0, reportsOf: 0 };

  override byEmployeeNumbers(employeeNumbers: readonly string[]) {
    this.lookups.byEmployeeNumbers++;
    return super.byEmployeeNumbers(employeeNumbers);
  }

  override reportsOf(managerEmployeeNumbers: readonly string[]) {
    this.lookups.reportsOf++;
    return super.reportsOf(managerEmployeeNumbers);
  }
}

/**
 * The identity subgraph's read side on a real database: HR records go in through the same
 * commands and projection as in the service, and queries run against the federated schema.
 */
export class IdentityGraph {
  private constructor(
    /** The time the commands are decided at; tests move it. */
    private readonly time: { now: Date },
    readonly database: TestDatabase,
    readonly store: PostgresEventStore,
    readonly commands: IdentityCommands,
    private readonly projection: RunningProjection,
    private readonly reader: CountingReader,
    private readonly schema: GraphQLSchema,
  ) {}

  static async start(): Promise<IdentityGraph> {
    const database = await createTestDatabase(4);
    await migrate(database.pool);
    const store = new PostgresEventStore({ connectionString: database.url, poolSize: 4 });
    const time = { now: new Date('2026-11-25T09:00:00Z') };
    const clock: Clock = { now: () => time.now };
    const commands = new IdentityCommands({ store, pool: store.pool, clock, ids: randomIds });
    const projection = await startProjection({ pool: store.pool, notifier: store.wakeups, projection: identityDirectoryProjection });
    const reader = new CountingReader(store.pool, store);
    const callers = new CallerGuard(new AdminTokenGuard([ADMIN_TOKEN]));
    const resolvers = new Map<Function, unknown>([
      [IdentityResolver, new IdentityResolver(callers, reader)],
      [IdentityTimelineResolver, new IdentityTimelineResolver(callers, reader)],
      [AuditTrailResolver, new AuditTrailResolver(callers, new AuditTrailQueries(store.pool, store.personalData))],
    ]);
    const schema = await buildFederatedSchema(
      { resolvers: [...identityGraphqlResolvers], referenceResolvers: identityReferenceResolvers },
      { get: (resolverClass: Function) => resolvers.get(resolverClass) },
    );
    serveIdentityReferencesFrom(reader);
    return new IdentityGraph(time, database, store, commands, projection, reader, schema);
  }

  get now(): Date {
    return this.time.now;
  }

  set now(now: Date) {
    this.time.now = now;
  }

  /** Records what HR sent and waits until the directory shows it. */
  async sync(...records: HrRecord[]): Promise<void> {
    for (const record of records) await this.commands.syncFromHr(record, CSV, origin);
    await this.projection.waitUntilCaughtUp(10_000);
  }

  async applyDueChanges(employeeNumber: string): Promise<void> {
    await this.commands.applyDueChanges(employeeNumber, { actor: { kind: 'system', id: 'identity-due-timer' }, correlationId: 'timer-1' });
    await this.projection.waitUntilCaughtUp(10_000);
  }

  /** Runs a query with a fresh per-request context, as Apollo Server does. */
  query<Data = Record<string, unknown>>(source: string, variableValues?: Record<string, unknown>): Promise<ExecutionResult<Data>> {
    return withRequestCredentials(`Bearer ${ADMIN_TOKEN}`, callerTokens, () =>
      graphql({ schema: this.schema, source, contextValue: {}, ...(variableValues ? { variableValues } : {}) }),
    ) as Promise<ExecutionResult<Data>>;
  }

  /** The data of a query that must succeed. */
  async data<Data = Record<string, unknown>>(source: string, variableValues?: Record<string, unknown>): Promise<Data> {
    const result = await this.query<Data>(source, variableValues);
    if (result.errors?.length) throw new Error(`query failed: ${result.errors.map((e) => e.message).join('; ')}`);
    return result.data!;
  }

  /** How many batched lookups the reader has made so far. */
  get lookups(): Readonly<CountingReader['lookups']> {
    return { ...this.reader.lookups };
  }

  async stop(): Promise<void> {
    stopServingIdentityReferencesFrom(this.reader);
    await this.projection.stop();
    await this.store.close();
    await this.database.drop();
  }
}
