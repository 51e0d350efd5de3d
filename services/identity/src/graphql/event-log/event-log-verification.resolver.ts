import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@tenure/event-sourcing';
import {
  exportLatestCheckpoint,
  parseExportedCheckpoint,
  verifyEventLog,
  type ExportedCheckpoint,
  type PostgresEventStore,
} from '@tenure/event-store-postgres';
import { CallerGuard, EVENT_STORE } from '@tenure/service-runtime';
import { Arg, Int, Query, Resolver } from 'type-graphql';
import { EventLogVerification } from './event-log-verification.type';

/**
 * The whole event log's tamper evidence for auditors (`npm run audit:verify` is the same check from a
 * terminal). An auditor keeps the latest checkpoint outside Tenure (`exportedHashCheckpoint`) and later
 * verifies against that copy (`against`). The log is shared by every service; the identity service
 * answers for it as it answers for the platform's status.
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
    @Arg('against', () => String, {
      nullable: true,
      description:
        'A checkpoint kept outside Tenure (the JSON of exportedHashCheckpoint): the heads are compared with it instead of the latest one.',
    })
    against: string | null | undefined,
  ): Promise<EventLogVerification> {
    this.callers.requireReader('eventLogVerification');
    const checkpoint = against == null ? undefined : parseAgainst(against);
    const report = await verifyEventLog(this.store.pool, {
      maxFindings: Math.min(Math.max(maxFindings, 1), 1000),
      ...(checkpoint ? { against: checkpoint } : {}),
    });
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

  @Query(() => String, {
    nullable: true,
    description:
      'The latest checkpoint with every stream head it sealed, as JSON to keep outside Tenure and verify against later (administrators and auditors); null before the first one.',
  })
  async exportedHashCheckpoint(): Promise<string | null> {
    this.callers.requireReader('exportedHashCheckpoint');
    const client = await this.store.pool.connect();
    try {
      const exported = await exportLatestCheckpoint(client);
      return exported ? `${JSON.stringify(exported, null, 2)}\n` : null;
    } finally {
      client.release();
    }
  }
}

function parseAgainst(text: string): ExportedCheckpoint {
  try {
    return parseExportedCheckpoint(JSON.parse(text));
  } catch (error) {
    throw new DomainError('validation', `against: ${error instanceof SyntaxError ? 'not JSON' : (error as Error).message}`);
  }
}
