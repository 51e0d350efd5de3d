import type { AppendResult, ExpectedRevision, NewEvent } from '@tenure/event-sourcing';
import type { PostgresEventStore } from '@tenure/event-store-postgres';

/**
 * Appends to one stream the way a command handler does: always with the expected revision,
 * so the benchmark pays for the optimistic concurrency check real writers pay for.
 */
export class StreamWriter {
  private expected: ExpectedRevision = 'no_stream';

  constructor(
    private readonly store: PostgresEventStore,
    readonly streamId: string,
  ) {}

  async append(events: readonly NewEvent[]): Promise<AppendResult> {
    const result = await this.store.appendToStream(this.streamId, events, { expectedRevision: this.expected });
    this.expected = result.nextExpectedRevision;
    return result;
  }
}
