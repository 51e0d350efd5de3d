import { Inject, Injectable } from '@nestjs/common';
import { verifyEventLog, type PostgresEventStore } from '@tenure/event-store-postgres';
import { CallerGuard, EVENT_STORE } from '@tenure/service-runtime';
import { Arg, Int, Query, Resolver } from 'type-graphql';
import { EventLogVerification } from './event-log-verification.type';

/**
 * The whole event log's tamper evidence for auditors (`npm run audit:verify` is the same check from a
 * terminal, and the one that verifies against a checkpoint kept outside Tenure). The log is shared by
 * every service; the identity service answers for it as it answers for the platform's status.
 */
@Injectable()
@Resolver(() => EventLogVerification)
export class EventLogVerificationResolver {
  constructor(
    private readonly callers: CallerGuard,
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
  ) {}

  @Query(() => EventLogVerification, {
    description:
      'Recomputes every event’s hash chain and compares the stream heads with the latest checkpoint (administrators and auditors).',
  })
  async eventLogVerification(
    @Arg('maxFindings', () => Int, { defaultValue: 100, description: 'Findings listed at most (1 to 1000).' }) maxFindings: number,
  ): Promise<EventLogVerification> {
    this.callers.requireReader('eventLogVerification');
    const report = await verifyEventLog(this.store.pool, { maxFindings: Math.min(Math.max(maxFindings, 1), 1000) });
    return {
      intact: report.intact,
      streams: report.streams,
      events: report.events,
      seconds: report.seconds,
      findings: report.findings.map((finding) => ({
        ...finding,
        position: finding.position ? `${finding.position.commit}:${finding.position.prepare}` : null,
      })),
      findingsOmitted: report.findingsOmitted,
      checkpoint: report.checkpoint ? { ...report.checkpoint, problems: [...report.checkpoint.problems] } : null,
    };
  }
}
