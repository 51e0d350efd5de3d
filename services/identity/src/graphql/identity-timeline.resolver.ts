import { Injectable } from '@nestjs/common';
import { CallerGuard } from '@tenure/service-runtime';
import { Arg, ID, Int, Query, Resolver } from 'type-graphql';
import { IdentityDirectoryReader } from '../read-model/identity-directory.reader';
import type { TimelineEntry } from '../read-model/identity-timeline-entry';
import { IdentityLifecycle, IdentityTimelineConnection, type IdentityTimelineEntry } from './identity-timeline.type';

/** An identity's recorded history. Unauthenticated until OIDC and roles arrive (issue 7). */
@Injectable()
@Resolver()
export class IdentityTimelineResolver {
  constructor(
    private readonly callers: CallerGuard,
    private readonly reader: IdentityDirectoryReader,
  ) {}

  @Query(() => IdentityTimelineConnection, {
    nullable: true,
    description: 'The events of an identity, oldest first, with who caused them and why; null when there is no such identity.',
  })
  async identityTimeline(
    @Arg('id', () => ID) id: string,
    @Arg('first', () => Int, { defaultValue: 25 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<IdentityTimelineConnection | null> {
    this.callers.requireReader('identityTimeline');
    const page = await this.reader.timeline(id, { first, after: after ?? null });
    if (!page) return null;
    return {
      edges: page.edges.map(({ cursor, entry }) => ({ cursor, node: toTimelineEntry(entry) })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.edges.at(-1)?.cursor ?? null },
    };
  }
}

function toTimelineEntry(entry: TimelineEntry): IdentityTimelineEntry {
  return {
    ...entry,
    revision: Number(entry.revision),
    lifecycle: entry.lifecycle as IdentityLifecycle | null,
    actor: { ...entry.actor },
    source: entry.source ? { ...entry.source } : null,
    changes: [...entry.changes],
  };
}
