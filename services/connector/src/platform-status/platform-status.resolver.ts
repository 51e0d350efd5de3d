import { Injectable } from '@nestjs/common';
import { PlatformStatus, ServiceHealth, ServiceHealthReporter } from '@tenure/service-runtime';
import { FieldResolver, Resolver } from 'type-graphql';

/** Contributes the connector service's health to the platform status that the identity subgraph owns. */
@Injectable()
@Resolver(() => PlatformStatus)
export class PlatformStatusResolver {
  constructor(private readonly health: ServiceHealthReporter) {}

  @FieldResolver(() => ServiceHealth, { description: 'Health of the connector service.' })
  connector(): Promise<ServiceHealth> {
    return this.health.report();
  }
}
