import { Injectable } from '@nestjs/common';
import { CallerGuard } from '@tenure/service-runtime';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { IdentityDirectoryReader } from '../read-model/identity-directory.reader';
import { IdentityConnection } from './identity-connection.type';
import { IdentityFilter } from './identity-filter.input';
import { identityLoaders } from './identity-loaders';
import { toIdentity } from './identity.mapper';
import { Identity } from './identity.type';
import { IdentityStatus } from './identity-status.enum';

/** The directory's read queries and the reporting line. Unauthenticated until OIDC and roles arrive (issue 7). */
@Injectable()
@Resolver(() => Identity)
export class IdentityResolver {
  constructor(
    private readonly callers: CallerGuard,
    private readonly reader: IdentityDirectoryReader,
  ) {}

  @Query(() => Identity, { nullable: true, description: 'The identity with this id; null when there is none.' })
  async identity(@Arg('id', () => ID) id: string): Promise<Identity | null> {
    this.callers.requireCaller('identity');
    const row = await this.reader.byId(id);
    return row ? toIdentity(row) : null;
  }

  @Query(() => Identity, { nullable: true, description: 'The identity HR knows by this employee number; null when there is none.' })
  async identityByEmployeeNumber(
    @Arg('employeeNumber', () => String) employeeNumber: string,
    @Ctx() context: unknown,
  ): Promise<Identity | null> {
    this.callers.requireCaller('identityByEmployeeNumber');
    const row = await identityLoaders(this.reader, context).byEmployeeNumber.load(employeeNumber);
    return row ? toIdentity(row) : null;
  }

  @Query(() => IdentityConnection, { description: 'Search and filter the directory, a page at a time (at most 100 per page).' })
  async identities(
    @Arg('filter', () => IdentityFilter, { nullable: true }) filter: IdentityFilter | null,
    @Arg('first', () => Int, { defaultValue: 25 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<IdentityConnection> {
    this.callers.requireReader('identities');
    const page = await this.reader.search(
      {
        text: filter?.search ?? null,
        department: filter?.department ?? null,
        status: filter?.status ?? null,
        managerId: filter?.managerId ?? null,
        managerEmployeeNumber: filter?.managerEmployeeNumber ?? null,
        location: filter?.location ?? null,
        employmentType: filter?.employmentType ?? null,
      },
      { first, after: after ?? null },
    );
    return {
      edges: page.edges.map(({ cursor, row }) => ({ cursor, node: toIdentity(row) })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.edges.at(-1)?.cursor ?? null },
      totalCount: page.totalCount,
    };
  }

  @FieldResolver(() => Identity, {
    nullable: true,
    description: 'The manager; null at the top, and while the manager HR names is not known here yet (see managerEmployeeNumber).',
  })
  async manager(@Root() identity: Identity, @Ctx() context: unknown): Promise<Identity | null> {
    if (identity.managerEmployeeNumber === null) return null;
    const row = await identityLoaders(this.reader, context).byEmployeeNumber.load(identity.managerEmployeeNumber);
    return row ? toIdentity(row) : null;
  }

  @FieldResolver(() => [Identity], { description: 'The people who name this identity as their manager, by family and given name.' })
  async directReports(
    @Root() identity: Identity,
    @Arg('includeTerminated', () => Boolean, { defaultValue: false, description: 'Also list reports who have left.' })
    includeTerminated: boolean,
    @Ctx() context: unknown,
  ): Promise<Identity[]> {
    const rows = (await identityLoaders(this.reader, context).reportsOf.load(identity.employeeNumber)) ?? [];
    return rows.map(toIdentity).filter((report) => includeTerminated || report.status !== IdentityStatus.TERMINATED);
  }
}
