import { Injectable } from '@nestjs/common';
import { PlatformStatus, platformStatus, ServiceHealth, ServiceHealthReporter } from '@tenure/service-runtime';
import { FieldResolver, Query, Resolver } from 'type-graphql';

/** Owns the platform status root field, and contributes the identity service's health to it. */
@Injectable()
@Resolver(() => PlatformStatus)
export class PlatformStatusResolver {
  constructor(private readonly health: ServiceHealthReporter) {}

  @Query(() => PlatformStatus, { description: 'The running platform and the health of each service.' })
  platformStatus(): PlatformStatus {
    return platformStatus();
  }

  @FieldResolver(() => ServiceHealth, { description: 'Health of the identity service.' })
  identity(): Promise<ServiceHealth> {
    return this.health.report();
  }
}
