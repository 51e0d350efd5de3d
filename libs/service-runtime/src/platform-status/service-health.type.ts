import { Directive, Field, Float, ObjectType } from 'type-graphql';

/** A value type every subgraph declares identically (hence @shareable) to report on itself. */
@ObjectType({ description: 'How one service of the platform is doing, as measured by that service.' })
@Directive('@shareable')
export class ServiceHealth {
  @Field({ description: 'The service that measured this.' })
  service!: string;

  @Field({ description: 'The version of that service.' })
  version!: string;

  @Field({ description: 'Whether the service reached its database just now.' })
  databaseReachable!: boolean;

  @Field(() => Float, {
    nullable: true,
    description: 'Round trip of a probe query to its database, taking a connection included, in milliseconds; null when unreachable.',
  })
  databaseLatencyMs!: number | null;

  @Field({ description: "Whether the event store's schema is in place in that database (its migrations applied)." })
  eventStoreReady!: boolean;

  @Field(() => Float, { description: 'Seconds since the service started.' })
  uptimeSeconds!: number;
}
