import { Injectable } from '@nestjs/common';
import { CallerGuard } from '@tenure/service-runtime';
import { Arg, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { ProvisioningQueries } from '../../provisioning/provisioning-queries';
import { Account, Grant } from './account.type';
import { Identity } from './identity.type';
import { toAccount, toGrant } from './provisioning.mapper';

/** What Tenure provisioned for a person, from the operations' outcomes; open to read until OIDC and roles arrive (issue 7). */
@Injectable()
@Resolver(() => Identity)
export class IdentityProvisioningResolver {
  constructor(
    private readonly callers: CallerGuard,
    private readonly queries: ProvisioningQueries,
  ) {}

  @FieldResolver(() => [Account], { description: 'The person’s accounts Tenure provisioned, by application.' })
  async accounts(@Root() identity: Identity): Promise<Account[]> {
    this.callers.requireCaller('accounts');
    return (await this.queries.accounts(identity.id)).map(toAccount);
  }

  @FieldResolver(() => [Grant], { description: 'The entitlements Tenure granted the person, by application then key.' })
  async grants(
    @Root() identity: Identity,
    @Arg('applicationId', () => ID, { nullable: true }) applicationId: string | null,
  ): Promise<Grant[]> {
    this.callers.requireCaller('grants');
    return (await this.queries.grants(identity.id, applicationId ?? undefined)).map(toGrant);
  }
}
