import { Injectable } from '@nestjs/common';
import { CallerGuard } from '@tenure/service-runtime';
import { Arg, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { ProvisioningQueries } from '../../provisioning/provisioning-queries';
import { Application } from '../applications/application.type';
import { ApplicationHealth } from './application-health.type';
import { toApplicationHealth } from './provisioning.mapper';

/** How provisioning to an application goes: on the application, or by id. */
@Injectable()
@Resolver(() => Application)
export class ApplicationHealthResolver {
  constructor(
    private readonly callers: CallerGuard,
    private readonly queries: ProvisioningQueries,
  ) {}

  @FieldResolver(() => ApplicationHealth, { description: 'Its circuit breaker, last error, last success and queue.' })
  async health(@Root() application: Application): Promise<ApplicationHealth> {
    return toApplicationHealth(await this.queries.health(application.id));
  }

  @Query(() => ApplicationHealth, { description: 'How provisioning to an application goes (any id: an unknown one has nothing queued).' })
  async applicationHealth(@Arg('applicationId', () => ID) applicationId: string): Promise<ApplicationHealth> {
    this.callers.requireReader('applicationHealth');
    return toApplicationHealth(await this.queries.health(applicationId));
  }
}
