import { WrongExpectedRevisionError, type Actor, type EventStore, type ExpectedRevision, type IdGenerator } from '@tenure/event-sourcing';
import { assignmentsDecider, type AssignmentsEvent, type AssignmentsState } from '../domain/assignments';
import type { ProcessOutcome } from '../domain/process-outcome';
import { assignmentsStreamId } from './workflow-streams';

/** What caused the commands: becomes the metadata of every event they produce. */
export interface AssignmentsCause {
  /** The event the process answers (auditors follow it from the identity's change to the assignment). */
  readonly causationId: string;
  readonly correlationId: string;
  readonly actor: Actor;
  readonly now: Date;
}

export interface WriteResult {
  readonly outcome: ProcessOutcome;
  readonly events: readonly AssignmentsEvent[];
}

/**
 * Runs a process manager's decision against one identity's assignments: read the stream, fold,
 * let `decide` look at the state, run every command it returns through the decider, and append all
 * their events at once with the expected revision. A concurrent append (another instance, another
 * process) makes it read and decide again, so the decision always rests on the state it changes.
 */
export class AssignmentsWriter {
  constructor(
    private readonly store: EventStore,
    private readonly ids: IdGenerator,
    private readonly maxAttempts = 5,
  ) {}

  async write(identityId: string, decide: (state: AssignmentsState) => ProcessOutcome, cause: AssignmentsCause): Promise<WriteResult> {
    const streamId = assignmentsStreamId(identityId);
    for (let attempt = 1; ; attempt++) {
      const recorded = await this.store.readStream(streamId);
      let state = assignmentsDecider.initialState();
      for (const event of recorded) state = assignmentsDecider.evolve(state, { type: event.type, data: event.data } as AssignmentsEvent);
      const expectedRevision: ExpectedRevision = recorded.length === 0 ? 'no_stream' : recorded[recorded.length - 1]!.revision;

      const outcome = decide(state);
      if (outcome.kind === 'ignored') return { outcome, events: [] };
      const events: AssignmentsEvent[] = [];
      for (const command of outcome.commands) {
        const decided = assignmentsDecider.decide(command, state);
        state = decided.reduce(assignmentsDecider.evolve, state);
        events.push(...decided);
      }
      if (events.length === 0) return { outcome, events };
      try {
        await this.store.appendToStream(
          streamId,
          events.map((event) => ({
            type: event.type,
            data: event.data,
            metadata: {
              eventId: this.ids.newId(),
              correlationId: cause.correlationId,
              causationId: cause.causationId,
              actor: cause.actor,
              occurredAt: cause.now.toISOString(),
            },
          })),
          { expectedRevision },
        );
        return { outcome, events };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= this.maxAttempts) throw error;
      }
    }
  }
}
