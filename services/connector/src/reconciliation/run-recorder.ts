import type { Actor, EventStore, IdGenerator } from '@tenure/event-sourcing';
import {
  reconciliationRunDecider,
  type ReconciliationRunCommand,
  type ReconciliationRunEvent,
  type ReconciliationRunState,
} from '../domain/reconciliation';
import { reconciliationRunStreamId } from './reconciliation-streams';

/**
 * Records one run's events as it goes. The run is the only writer of its stream (it holds the
 * application's reconciliation lock), so its state is kept here, not read back before each batch:
 * a run of 200 drift batches would otherwise read its stream 200 times. Each append still checks
 * the expected revision.
 */
export class RunRecorder {
  private state: ReconciliationRunState = reconciliationRunDecider.initialState();
  private revision: bigint | 'no_stream' = 'no_stream';

  constructor(
    private readonly deps: { readonly store: EventStore; readonly ids: IdGenerator },
    readonly runId: string,
    private readonly actor: Actor,
  ) {}

  get current(): ReconciliationRunState {
    return this.state;
  }

  /** Decides and appends; resolves with the events and the id of the last one (the cause of what follows from them). */
  async record(command: ReconciliationRunCommand): Promise<{ events: readonly ReconciliationRunEvent[]; lastEventId: string | null }> {
    const events = reconciliationRunDecider.decide(command, this.state);
    if (events.length === 0) return { events, lastEventId: null };
    const now = command.data.now.toISOString();
    const recorded = events.map((event) => ({
      type: event.type,
      data: event.data,
      metadata: { eventId: this.deps.ids.newId(), correlationId: this.runId, causationId: null, actor: this.actor, occurredAt: now },
    }));
    const appended = await this.deps.store.appendToStream(reconciliationRunStreamId(this.runId), recorded, {
      expectedRevision: this.revision,
    });
    this.revision = appended.nextExpectedRevision;
    this.state = events.reduce(reconciliationRunDecider.evolve, this.state);
    return { events, lastEventId: recorded[recorded.length - 1]!.metadata.eventId };
  }
}
