import { Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import { EVENT_STORE } from '@tenure/service-runtime';
import { AuditTrailQueries } from '../read-model/audit-trail/audit-trail.queries';
import { IdentityDirectoryReader } from '../read-model/identity-directory.reader';
import { AuditTrailResolver } from './audit-trail/audit-trail.resolver';
import { IdentityTimelineResolver } from './identity-timeline.resolver';
import { resolveIdentityReference, serveIdentityReferencesFrom, stopServingIdentityReferencesFrom } from './identity.reference';
import { IdentityResolver } from './identity.resolver';

/** The identity subgraph's read side: add these to the service's subgraph definition. */
export const identityGraphqlResolvers = [IdentityResolver, IdentityTimelineResolver, AuditTrailResolver] as const;
export const identityReferenceResolvers = { Identity: resolveIdentityReference };

/** Identity queries (directory, search, timeline, audit trail) over the directory read model and the event store. */
@Module({
  providers: [
    {
      provide: IdentityDirectoryReader,
      inject: [EVENT_STORE],
      useFactory: (store: PostgresEventStore) => new IdentityDirectoryReader(store.pool, store),
    },
    {
      provide: AuditTrailQueries,
      inject: [EVENT_STORE],
      useFactory: (store: PostgresEventStore) => new AuditTrailQueries(store.pool, store.personalData),
    },
    ...identityGraphqlResolvers,
  ],
})
export class IdentityGraphqlModule implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(IdentityDirectoryReader) private readonly reader: IdentityDirectoryReader) {}

  onModuleInit(): void {
    serveIdentityReferencesFrom(this.reader);
  }

  onApplicationShutdown(): void {
    stopServingIdentityReferencesFrom(this.reader);
  }
}
