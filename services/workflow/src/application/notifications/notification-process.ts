import { ACCESS_REQUEST_STREAM_PREFIX } from '../../read-model/workflow-requests';
import { ASSIGNMENTS_STREAM_PREFIX, KILL_SWITCH_STREAM_PREFIX, OPERATION_STREAM_PREFIX } from '@tenure/contracts';
import type { Clock, RecordedEvent } from '@tenure/event-sourcing';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import { REVIEW_CAMPAIGN_STREAM_PREFIX } from '../reviews/review-streams';
import { WorkflowFollower } from '../workflow-follower';
import type { NotificationRecorder } from './notification-recorder';
import { mayNotify, NOTIFYING_EVENT_TYPES, triggersOf } from './triggers-from-events';

export const NOTIFICATION_PROCESS_CHECKPOINT = 'workflow-notifications';

/**
 * The notification process manager: follows the log (requests, reviews, the connector's manual
 * tasks and outcomes, the assignments) from its own checkpoint, under the lease every
 * `CheckpointedProcess` takes (one instance answers), and records in the outbox who must be told
 * what. It sends nothing itself: the delivery worker does. A batch answered again (after a crash)
 * names the same notification ids, which the outbox already holds.
 */
export class NotificationProcess {
  private readonly follower: WorkflowFollower;

  constructor(
    private readonly deps: {
      readonly store: PostgresEventStore;
      readonly clock: Clock;
      readonly logger: Logger;
      readonly recorder: NotificationRecorder;
      /** Events older than this when answered are not news (a first start over a long history, a long outage). */
      readonly maxAgeMs: number;
      readonly readModelsCaughtUp: () => Promise<void>;
    },
  ) {
    this.follower = new WorkflowFollower({
      store: deps.store,
      logger: deps.logger,
      name: 'notification process',
      whileStopped: 'nobody is notified',
      checkpoint: NOTIFICATION_PROCESS_CHECKPOINT,
      streamPrefixes: [
        ACCESS_REQUEST_STREAM_PREFIX,
        REVIEW_CAMPAIGN_STREAM_PREFIX,
        OPERATION_STREAM_PREFIX,
        KILL_SWITCH_STREAM_PREFIX,
        ASSIGNMENTS_STREAM_PREFIX,
      ],
      eventTypes: NOTIFYING_EVENT_TYPES,
      needsAnswer: mayNotify,
      // The triggers read the requests, reviews, JML runs, directory and preferences.
      beforeBatch: deps.readModelsCaughtUp,
      keyOf: (event) => event.streamId,
      answer: (event) => this.answer(event),
    });
  }

  waitUntilCaughtUp(timeoutMs = 30_000): Promise<void> {
    return this.follower.waitUntilCaughtUp(timeoutMs);
  }

  stop(): Promise<void> {
    return this.follower.stop();
  }

  private async answer(event: RecordedEvent): Promise<void> {
    const notBefore = new Date(this.deps.clock.now().getTime() - this.deps.maxAgeMs);
    if (Date.parse(event.metadata.occurredAt) < notBefore.getTime()) {
      this.deps.logger.debug({ eventId: event.metadata.eventId, type: event.type }, 'notifications: event too old to be news');
      return;
    }
    for (const trigger of await triggersOf(this.deps.store.pool, event, notBefore)) {
      await this.deps.recorder.record(trigger, event.metadata.eventId);
    }
  }
}
