import { commandHandler, type CommandContext } from './command-handler';
import { withCorrelationId } from './correlation-scope';
import type { Decider } from './decider';
import type { DomainEvent, NewEvent, RecordedEvent } from './event';
import type { AppendResult, EventStore } from './event-store';

type Noted = DomainEvent<'Noted', { text: string }>;
const notes: Decider<{ text: string }, Noted, number> = {
  decide: (command) => [{ type: 'Noted', data: { text: command.text } }],
  evolve: (count) => count + 1,
  initialState: () => 0,
};

/** Keeps what is appended, in memory: all a command handler needs of a store. */
class AppendedEvents implements EventStore {
  readonly appended: NewEvent[] = [];
  async appendToStream(_streamId: string, events: readonly NewEvent[]): Promise<AppendResult> {
    this.appended.push(...events);
    return { nextExpectedRevision: BigInt(this.appended.length - 1), position: { commit: 1n, prepare: BigInt(this.appended.length) } };
  }
  async readStream(): Promise<RecordedEvent[]> {
    return [];
  }
  readAll(): Promise<RecordedEvent[]> {
    throw new Error('not needed');
  }
  subscribeToAll(): never {
    throw new Error('not needed');
  }
  async close(): Promise<void> {}
}

const context = (correlationId?: string): CommandContext => ({
  commandId: 'command-1',
  ...(correlationId === undefined ? {} : { correlationId }),
  actor: { kind: 'person', id: 'E1' },
  now: new Date('2026-01-05T10:00:00Z'),
});

describe('command handler: correlation ids', () => {
  const when = async (run: (handle: ReturnType<typeof commandHandler<{ text: string }, Noted, number>>) => Promise<unknown>) => {
    const store = new AppendedEvents();
    let ids = 0;
    await run(commandHandler(store, notes, { ids: { newId: () => `event-${++ids}` } }));
    return store.appended.map((event) => ({ correlationId: event.metadata.correlationId, causationId: event.metadata.causationId }));
  };

  it('given a command sent while a request is answered, when it records events, then they carry the request correlation id', async () => {
    const metadata = await when((handle) => withCorrelationId('request-7', () => handle('notes-1', { text: 'a' }, context())));

    expect(metadata).toEqual([{ correlationId: 'request-7', causationId: 'command-1' }]);
  });

  it('given a command that names its own correlation id, when it records events inside a request, then its own id wins', async () => {
    const metadata = await when((handle) => withCorrelationId('request-7', () => handle('notes-1', { text: 'a' }, context('hr-event-42'))));

    expect(metadata).toEqual([{ correlationId: 'hr-event-42', causationId: 'command-1' }]);
  });

  it('given a command outside any request or handled event, when it records events, then they are correlated with the command', async () => {
    const metadata = await when((handle) => handle('notes-1', { text: 'a' }, context()));

    expect(metadata).toEqual([{ correlationId: 'command-1', causationId: 'command-1' }]);
  });

  it('given two requests answered side by side, when each records events after an await, then each keeps its own id', async () => {
    const metadata = await when((handle) =>
      Promise.all(
        ['request-a', 'request-b'].map((id) =>
          withCorrelationId(id, async () => {
            await new Promise((resolve) => setTimeout(resolve, id === 'request-a' ? 5 : 1));
            return handle('notes-1', { text: id }, context());
          }),
        ),
      ),
    );

    expect(metadata.map((m) => m.correlationId).sort()).toEqual(['request-a', 'request-b']);
  });
});
