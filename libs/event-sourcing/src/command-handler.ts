import { currentCorrelationId } from './correlation-scope';
import type { Decider } from './decider';
import type { Actor, DomainEvent, NewEvent } from './event';
import type { AppendResult, EventStore, ExpectedRevision } from './event-store';
import { WrongExpectedRevisionError } from './errors';
import type { IdGenerator } from './runtime';

/** Who asked and why: becomes the metadata of every event the command produces. */
export interface CommandContext {
  readonly commandId: string;
  /**
   * What the events are correlated with. Default: the work in progress (`withCorrelationId`: the
   * request being answered, the event being handled), so a request's events carry the request's id;
   * outside any, the command id. Given, for work that names its own (an HR system's event id, an
   * import run, a timer).
   */
  readonly correlationId?: string;
  readonly actor: Actor;
  /** The time the command is decided at; also the events' `occurredAt`. */
  readonly now: Date;
}

export interface CommandResult<Event extends DomainEvent, State> {
  readonly events: readonly Event[];
  readonly state: State;
  /** Undefined when the decider produced no events (nothing was appended). */
  readonly append: AppendResult | undefined;
  readonly attempts: number;
}

export interface CommandHandlerOptions {
  readonly ids: IdGenerator;
  /** Attempts in all, including the first; only version conflicts are retried. Default 5. */
  readonly maxAttempts?: number;
}

/**
 * The one generic command handler: read the stream, fold it, decide, append with the
 * expected revision; on a version conflict (someone appended in between) do it again,
 * at most `maxAttempts` times. Any other error goes to the caller untouched.
 */
export function commandHandler<Command, Event extends DomainEvent, State>(
  store: EventStore,
  decider: Decider<Command, Event, State>,
  options: CommandHandlerOptions,
) {
  const maxAttempts = options.maxAttempts ?? 5;

  return async function handle(streamId: string, command: Command, context: CommandContext): Promise<CommandResult<Event, State>> {
    for (let attempt = 1; ; attempt++) {
      const recorded = await store.readStream(streamId);
      let state = decider.initialState();
      for (const event of recorded) state = decider.evolve(state, { type: event.type, data: event.data } as Event);
      const expectedRevision: ExpectedRevision = recorded.length === 0 ? 'no_stream' : recorded[recorded.length - 1]!.revision;

      const events = decider.decide(command, state);
      if (events.length === 0) return { events, state, append: undefined, attempts: attempt };

      try {
        const append = await store.appendToStream(
          streamId,
          events.map((e) => toNewEvent(e, context, options.ids)),
          { expectedRevision },
        );
        return { events, state: events.reduce(decider.evolve, state), append, attempts: attempt };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= maxAttempts) throw error;
      }
    }
  };
}

function toNewEvent(event: DomainEvent, context: CommandContext, ids: IdGenerator): NewEvent {
  return {
    type: event.type,
    data: event.data,
    metadata: {
      eventId: ids.newId(),
      correlationId: context.correlationId ?? currentCorrelationId() ?? context.commandId,
      causationId: context.commandId,
      actor: context.actor,
      occurredAt: context.now.toISOString(),
    },
  };
}
