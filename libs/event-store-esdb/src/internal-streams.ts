import { ANY, BACKWARDS, END, ErrorType, jsonEvent, type EventStoreDBClient } from '@eventstore/db-client';
import type { Position } from '@tenure/event-sourcing';

export const CHECKPOINT_EVENT_TYPE = '$tenure-checkpoint';
export const PROBE_EVENT_TYPE = '$tenure-probe';

/** Only the newest few entries matter; the server may scavenge the rest. */
const KEEP_ENTRIES = 10;

/**
 * Names of the streams the adapter keeps for itself. The default prefix "$tenure-" makes them
 * system streams: hidden from every port reader, but writable only by an admin on a secure server.
 * Their event types always start with "$" so that they stay hidden under any prefix.
 */
export class InternalStreams {
  constructor(readonly prefix: string) {}

  checkpointStream(subscriptionId: string): string {
    return `${this.prefix}checkpoint-${subscriptionId}`;
  }

  probeStream(subscriptionId: string): string {
    return `${this.prefix}probe-${subscriptionId}`;
  }

  eventIdClaimStream(esdbEventId: string): string {
    return `${this.prefix}event-id-${esdbEventId}`;
  }

  isInternal(streamId: string): boolean {
    return streamId.startsWith(this.prefix);
  }
}

/** Writes JSON entries to an internal stream, capping the stream's length once per process. */
class InternalStreamWriter {
  private readonly capped = new Set<string>();

  constructor(private readonly client: EventStoreDBClient) {}

  async write(streamId: string, type: string, data: Record<string, string>): Promise<void> {
    if (!this.capped.has(streamId)) {
      await this.client.setStreamMetadata(streamId, { maxCount: KEEP_ENTRIES });
      this.capped.add(streamId);
    }
    await this.client.appendToStream(streamId, jsonEvent({ type, data }), { expectedRevision: ANY });
  }
}

/** Durable subscription checkpoints: the newest entry of `<prefix>checkpoint-<subscriptionId>`. */
export class CheckpointStore {
  private readonly writer: InternalStreamWriter;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly streams: InternalStreams,
  ) {
    this.writer = new InternalStreamWriter(client);
  }

  async load(subscriptionId: string): Promise<Position | undefined> {
    const read = this.client.readStream(this.streams.checkpointStream(subscriptionId), {
      direction: BACKWARDS,
      fromRevision: END,
      maxCount: 1,
    });
    try {
      for await (const resolved of read) {
        const data = resolved.event?.data;
        if (resolved.event?.isJson && isCheckpointData(data)) return { commit: BigInt(data.commit), prepare: BigInt(data.prepare) };
      }
      return undefined;
    } catch (error) {
      if (isStreamNotFound(error)) return undefined;
      throw error;
    }
  }

  async save(subscriptionId: string, position: Position): Promise<void> {
    await this.writer.write(this.streams.checkpointStream(subscriptionId), CHECKPOINT_EVENT_TYPE, {
      commit: position.commit.toString(),
      prepare: position.prepare.toString(),
    });
  }
}

/** Marks written into the log so that a subscription can tell when it has passed a point in time. */
export class ProbeWriter {
  private readonly writer: InternalStreamWriter;

  constructor(
    client: EventStoreDBClient,
    private readonly streams: InternalStreams,
  ) {
    this.writer = new InternalStreamWriter(client);
  }

  async write(subscriptionId: string, probeId: string): Promise<void> {
    await this.writer.write(this.streams.probeStream(subscriptionId), PROBE_EVENT_TYPE, { probeId });
  }
}

export function probeIdOf(data: unknown): string | undefined {
  return typeof data === 'object' && data !== null && typeof (data as { probeId?: unknown }).probeId === 'string'
    ? (data as { probeId: string }).probeId
    : undefined;
}

function isCheckpointData(data: unknown): data is { commit: string; prepare: string } {
  if (typeof data !== 'object' || data === null) return false;
  const { commit, prepare } = data as { commit?: unknown; prepare?: unknown };
  return typeof commit === 'string' && /^\d+$/.test(commit) && typeof prepare === 'string' && /^\d+$/.test(prepare);
}

export function isStreamNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { type?: unknown }).type === ErrorType.STREAM_NOT_FOUND;
}
