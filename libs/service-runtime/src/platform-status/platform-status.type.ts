import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The platform status is a single entity; every subgraph resolves its own part of it by this id. */
export const PLATFORM_STATUS_ID = 'tenure';

/**
 * The entity every subgraph declares with the same key and extends with one field, named after
 * the service, that reports that service's `ServiceHealth`. The identity subgraph owns the root field.
 */
@ObjectType({ description: 'The running platform; each service contributes its own health.' })
@Directive('@key(fields: "id")')
export class PlatformStatus {
  @Field(() => ID)
  id!: string;
}

export function platformStatus(): PlatformStatus {
  return Object.assign(new PlatformStatus(), { id: PLATFORM_STATUS_ID });
}

/** Resolves the platform status another subgraph refers to; there is only the one. */
export function resolvePlatformStatusReference(reference: Readonly<Record<string, unknown>>): PlatformStatus | null {
  return reference['id'] === PLATFORM_STATUS_ID ? platformStatus() : null;
}
