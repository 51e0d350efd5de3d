import { Inject, Injectable } from '@nestjs/common';
import { CallerGuard } from '@tenure/service-runtime';
import { Arg, ID, Int, Query, Resolver } from 'type-graphql';
import { AuditTrailQueries, type AuditTrailEntry as TrailEntry } from '../../read-model/audit-trail/audit-trail.queries';
import { AuditActorKind, AuditContext, AuditTrailConnection, type AuditActor, type AuditTrailEntry } from './audit-trail.type';

/** The history of an identity, application or entitlement across every context (administrators and auditors). */
@Injectable()
@Resolver()
export class AuditTrailResolver {
  constructor(
    private readonly callers: CallerGuard,
    @Inject(AuditTrailQueries) private readonly queries: AuditTrailQueries,
  ) {}

  @Query(() => AuditTrailConnection, {
    description:
      'Every event of every context that concerns an identity (identityId or employeeNumber), an application (applicationId) or an entitlement (applicationId + entitlementKey), newest first, each with its chain of causes. Administrators and auditors.',
  })
  async auditTrail(
    @Arg('identityId', () => ID, { nullable: true }) identityId: string | null,
    @Arg('employeeNumber', () => String, { nullable: true }) employeeNumber: string | null,
    @Arg('applicationId', () => String, { nullable: true }) applicationId: string | null,
    @Arg('entitlementKey', () => String, { nullable: true }) entitlementKey: string | null,
    @Arg('from', () => Date, { nullable: true, description: 'Only events that occurred at or after this time.' }) from: Date | null,
    @Arg('to', () => Date, { nullable: true, description: 'Only events that occurred before this time.' }) to: Date | null,
    @Arg('first', () => Int, { defaultValue: 25, description: 'At most 100.' }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<AuditTrailConnection> {
    this.callers.requireReader('auditTrail');
    const page = await this.queries.trail({
      subject: {
        identityId: identityId ?? null,
        employeeNumber: employeeNumber ?? null,
        applicationId: applicationId ?? null,
        entitlementKey: entitlementKey ?? null,
      },
      from: from ?? null,
      to: to ?? null,
      first,
      after: after ?? null,
    });
    return {
      edges: page.edges.map(({ cursor, entry }) => ({ cursor, node: toGraphql(entry) })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.edges.at(-1)?.cursor ?? null },
    };
  }
}

function toGraphql(entry: TrailEntry): AuditTrailEntry {
  return {
    ...entry,
    context: entry.context as AuditContext,
    actor: actorOf(entry.actor),
    causedBy: entry.causedBy.map((cause) => ({ ...cause, context: cause.context as AuditContext, actor: actorOf(cause.actor) })),
  };
}

function actorOf(actor: TrailEntry['actor']): AuditActor {
  return { ...actor, kind: actor.kind as AuditActorKind };
}
