import type { RecordedEvent } from './event';

/** A subscription stopped because its handler kept failing on one event; it resumes there after a restart. */
export class SubscriptionHandlerError extends Error {
  constructor(
    readonly subscriptionId: string,
    readonly event: RecordedEvent,
    readonly attempts: number,
    override readonly cause: unknown,
  ) {
    super(
      `subscription "${subscriptionId}" stopped: handling ${event.type} ${event.metadata.eventId} (stream ${event.streamId}@${event.revision}) failed ${attempts} times: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'SubscriptionHandlerError';
  }
}
