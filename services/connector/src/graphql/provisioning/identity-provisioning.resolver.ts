import { Injectable } from '@nestjs/common';
import { CallerGuard, requireOversight, type ReportingLineTable } from '@tenure/service-runtime';
import { Arg, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { ProvisioningQueries } from '../../provisioning/provisioning-queries';
import { Account, Grant } from './account.type';
import { Identity } from './identity.type';
import { toAccount, toGrant } from './provisioning.mapper';

/** The connector's copy of the directory, to tell who manages whom. */
const CONNECTOR_DIRECTORY: ReportingLineTable = {
  table: 'connector_identities',
  managerOf: "d.snapshot->'attributes'->>'managerEmployeeNumber'",
};

/** What Tenure provisioned for a person, from the operations' outcomes: for the person, their managers, administrators and auditors. */
@Injectable()
@Resolver(() => Identity)
export class IdentityProvisioningResolver {
  constructor(
    private readonly callers: CallerGuard,
    private readonly queries: ProvisioningQueries,
  ) {}

  @FieldResolver(() => [Account], { description: 'The person’s accounts Tenure provisioned, by application.' })
  async accounts(@Root() identity: Identity): Promise<Account[]> {
    await requireOversight(this.queries.pool, CONNECTOR_DIRECTORY, this.callers.requireCaller('accounts'), identity.id, 'accounts');
    return (await this.queries.accounts(identity.id)).map(toAccount);
  }

  @FieldResolver(() => [Grant], { description: 'The entitlements Tenure granted the person, by application then key.' })
  async grants(
    @Root() identity: Identity,
    @Arg('applicationId', () => ID, { nullable: true }) applicationId: string | null,
  ): Promise<Grant[]> {
    await requireOversight(this.queries.pool, CONNECTOR_DIRECTORY, this.callers.requireCaller('grants'), identity.id, 'grants');
    return (await this.queries.grants(identity.id, applicationId ?? undefined)).map(toGrant);
  }
}
