import { Inject, Injectable, Module } from '@nestjs/common';
import type { EventStore } from '@tenure/event-sourcing';
import { FieldResolver, Resolver } from 'type-graphql';
import type { LocalService } from '../app/local-service';
import { serviceConfigSchema } from '../config/service-config';
import { EVENT_STORE } from '../event-store/event-store.tokens';
import { ServiceHealthReporter } from '../health/service-health-reporter';
import { PlatformStatus } from '../platform-status/platform-status.type';
import { ServiceHealth } from '../platform-status/service-health.type';
import { serviceSubgraph } from '../platform-status/service-subgraph';
import type { ServiceDefinition } from '../service-definition';

/** A tiny service's part of the platform status, as each real service contributes its own. */
@Injectable()
@Resolver(() => PlatformStatus)
export class SampleStatusResolver {
  constructor(private readonly health: ServiceHealthReporter) {}

  @FieldResolver(() => ServiceHealth)
  sample(): Promise<ServiceHealth> {
    return this.health.report();
  }
}

/** Stands for a service's command handler: it gets the event store by its token. */
@Injectable()
export class SampleRecorder {
  constructor(@Inject(EVENT_STORE) readonly store: EventStore) {}
}

@Module({ providers: [SampleStatusResolver, SampleRecorder] })
class SampleModule {}

export const sampleService: ServiceDefinition = {
  name: 'sample',
  version: '1.2.3',
  configSchema: serviceConfigSchema({ port: 4999 }),
  module: SampleModule,
  subgraph: serviceSubgraph({ resolvers: [SampleStatusResolver] }),
};

const SAMPLE_HEALTH_QUERY =
  '{ _entities(representations: [{ __typename: "PlatformStatus", id: "tenure" }]) { ... on PlatformStatus { sample { service version databaseReachable databaseLatencyMs eventStoreReady uptimeSeconds } } } }';

/** The sample service's health as it answers over HTTP; fails the test on any GraphQL error. */
export async function sampleHealthOverHttp(sample: LocalService): Promise<Record<string, unknown>> {
  const answer = await sample.graphql<{ _entities: [{ sample: Record<string, unknown> }] }>(SAMPLE_HEALTH_QUERY);
  if (answer.status !== 200 || answer.errors || !answer.data) throw new Error(`GraphQL failed: ${JSON.stringify(answer)}`);
  return answer.data._entities[0].sample;
}

/** GETs one of the service's health endpoints: its status code and JSON body. */
export async function getJson(sample: LocalService, path: '/health' | '/ready'): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${sample.url}${path}`);
  return { status: response.status, body: await response.json() };
}
