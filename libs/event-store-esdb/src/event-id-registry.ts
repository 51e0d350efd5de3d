import { ErrorType, NO_STREAM, jsonEvent, type EventStoreDBClient, type ResolvedEvent } from '@eventstore/db-client';
import { uuidV5 } from './event-id';
import type { InternalStreams } from './internal-streams';

export const EVENT_ID_CLAIM_TYPE = '$tenure-event-id-claim';

/** Namespace of claim ids: one claim id per (stream, event id), so a repeated claim is recognised by EventStoreDB. */
const CLAIM_NAMESPACE = '9f2d7c1a-4e8b-4f3a-b6d5-2c7e8a1f0b93';

/**
 * EventStoreDB only knows event ids per stream, while the port forbids reusing an id anywhere.
 * Each event id is claimed for its stream by the first event of `<prefix>event-id-<id>`, written
 * with expected revision "no stream": EventStoreDB guarantees idempotency at an exact expected
 * revision, so the same claim repeated succeeds, and a claim for another stream fails.
 * A claim may outlive a failed append (wrong expected revision): the id then stays reserved for that
 * stream, which is harmless because retries of that batch go to the same stream.
 */
export class EventIdRegistry {
  constructor(
    private readonly client: EventStoreDBClient,
    private readonly streams: InternalStreams,
  ) {}

  /** Claims every id for `streamId`; returns the index of the first id another stream holds, or -1. */
  async claim(streamId: string, esdbIds: readonly string[]): Promise<number> {
    const held = await Promise.all(esdbIds.map((id) => this.claimOne(streamId, id)));
    return held.indexOf(false);
  }

  private async claimOne(streamId: string, esdbId: string): Promise<boolean> {
    const claimStream = this.streams.eventIdClaimStream(esdbId);
    try {
      await this.client.appendToStream(
        claimStream,
        jsonEvent({ id: uuidV5(`${streamId}\n${esdbId}`, CLAIM_NAMESPACE), type: EVENT_ID_CLAIM_TYPE, data: { streamId } }),
        { expectedRevision: NO_STREAM },
      );
      return true;
    } catch (error) {
      if ((error as { type?: unknown }).type !== ErrorType.WRONG_EXPECTED_VERSION) throw error;
      return (await this.holderOf(claimStream)) === streamId;
    }
  }

  private async holderOf(claimStream: string): Promise<string | undefined> {
    for await (const resolved of this.client.readStream(claimStream, { maxCount: 1 }) as AsyncIterable<ResolvedEvent>) {
      const data = resolved.event?.data as { streamId?: unknown } | undefined;
      return typeof data?.streamId === 'string' ? data.streamId : undefined;
    }
    return undefined;
  }
}
