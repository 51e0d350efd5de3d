import { Injectable } from '@nestjs/common';
import { DomainError } from '@tenure/event-sourcing';
import { CallerGuard } from '@tenure/service-runtime';
import { Arg, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CatalogAdministration } from '../../application/catalog-administration';
import { ConnectorQueries } from '../../application/connector-queries';
import { toApplication } from '../applications/application.mapper';
import { Application } from '../applications/application.type';
import { AnnotateEntitlementInput } from './entitlement.input';
import { toAnnotationChanges, toEntitlement, toEntitlementConnection } from './entitlement.mapper';
import { Entitlement, EntitlementConnection, EntitlementDiscovery } from './entitlement.type';

const MAX_PAGE = 500;

/** The entitlement catalog: open to read; discovery and annotation need an administrator token. */
@Injectable()
@Resolver(() => Entitlement)
export class EntitlementResolver {
  constructor(
    private readonly catalog: CatalogAdministration,
    private readonly queries: ConnectorQueries,
    private readonly guard: CallerGuard,
  ) {}

  @Query(() => EntitlementConnection, { description: 'The catalog, by application then key, one page at a time.' })
  async entitlements(
    @Arg('applicationId', () => ID, { nullable: true }) applicationId: string | null,
    @Arg('search', () => String, { nullable: true, description: 'Text in the key, display name or description.' }) search: string | null,
    @Arg('includeVanished', () => Boolean, { defaultValue: false, description: 'Also those the target no longer lists.' })
    includeVanished: boolean,
    @Arg('first', () => Int, { defaultValue: 50, description: `At most ${MAX_PAGE}.` }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<EntitlementConnection> {
    this.guard.requireCaller('entitlements');
    if (first < 1 || first > MAX_PAGE) {
      throw new DomainError('validation', `first must be from 1 to ${MAX_PAGE}`, { field: 'first' });
    }
    const page = await this.queries.entitlements({
      applicationId: applicationId ?? undefined,
      search: search ?? undefined,
      includeVanished,
      first,
      after: after ?? undefined,
    });
    return toEntitlementConnection(page);
  }

  @FieldResolver(() => Application, { nullable: true })
  async application(@Root() entitlement: Entitlement): Promise<Application | null> {
    const view = await this.queries.application(entitlement.applicationId);
    return view ? toApplication(view) : null;
  }

  @Mutation(() => EntitlementDiscovery, {
    description: 'Lists the target’s entitlements and records new and vanished ones. Needs Authorization: Bearer <administrator token>.',
  })
  async discoverEntitlements(@Arg('applicationId', () => ID) applicationId: string): Promise<EntitlementDiscovery> {
    const actor = this.guard.requireAdministrator('discoverEntitlements');
    const outcome = await this.catalog.discoverEntitlements(applicationId, actor);
    await this.queries.caughtUp();
    return Object.assign(new EntitlementDiscovery(), outcome);
  }

  @Mutation(() => Entitlement, {
    description:
      'Says what an entitlement means: name, description, owner, risk, license cost, requestable. Needs Authorization: Bearer <administrator token>.',
  })
  async annotateEntitlement(@Arg('input', () => AnnotateEntitlementInput) input: AnnotateEntitlementInput): Promise<Entitlement> {
    const actor = this.guard.requireAdministrator('annotateEntitlement');
    await this.catalog.annotateEntitlement(input.applicationId, input.key, toAnnotationChanges(input), actor);
    await this.queries.caughtUp();
    const view = await this.queries.entitlement(input.applicationId, input.key);
    if (!view) throw new DomainError('not_found', `entitlement "${input.key}" of "${input.applicationId}" is not in the catalog`);
    return toEntitlement(view);
  }
}
