import { commandHandler, randomIds, type AppendResult, type CommandContext, type EventStore } from '@tenure/event-sourcing';
import { seatBooking, uniqueCategory, uniqueStream } from '@tenure/event-store-contract';
import type { PostgresEventStore } from './postgres-event-store';
import { openMigratedStore } from './testing/migrated-store';

const context = (commandId: string): CommandContext => ({
  commandId,
  correlationId: 'corr-42',
  actor: { kind: 'person', id: 'ann' },
  now: new Date('2026-11-25T09:30:00.000Z'),
});

describe('command handler on PostgreSQL', () => {
  let store: PostgresEventStore;
  let close: () => Promise<void>;

  beforeAll(async () => ({ store, close } = await openMigratedStore(4)));
  afterAll(() => close());

  it('appends what the decider decides, with metadata from the command context', async () => {
    const stream = uniqueStream(uniqueCategory());
    const handle = commandHandler(store, seatBooking, { ids: randomIds });
    await handle(stream, { type: 'OpenSeats', data: { seats: 2 } }, context('cmd-1'));
    const result = await handle(stream, { type: 'BookSeat', data: { person: 'ann' } }, context('cmd-2'));

    expect(result.state).toEqual({ status: 'open', seats: 2, booked: ['ann'] });
    const [, booked] = await store.readStream(stream);
    expect(booked).toMatchObject({
      type: 'SeatBooked',
      revision: 1n,
      metadata: {
        correlationId: 'corr-42',
        causationId: 'cmd-2',
        actor: { kind: 'person', id: 'ann' },
        occurredAt: '2026-11-25T09:30:00.000Z',
      },
    });
  });

  it('given another writer appends between read and append, then it decides again on the new state', async () => {
    const stream = uniqueStream(uniqueCategory());
    await commandHandler(store, seatBooking, { ids: randomIds })(stream, { type: 'OpenSeats', data: { seats: 1 } }, context('open'));
    // The rival books the last seat just before our first append; our retry must see it and refuse.
    const racing = interleave(store, () =>
      commandHandler(store, seatBooking, { ids: randomIds })(stream, { type: 'BookSeat', data: { person: 'rival' } }, context('rival')),
    );
    const handle = commandHandler(racing, seatBooking, { ids: randomIds });

    await expect(handle(stream, { type: 'BookSeat', data: { person: 'ann' } }, context('ann'))).rejects.toMatchObject({
      code: 'conflict',
      message: 'no seat left',
    });
    expect((await store.readStream(stream)).map((e) => e.data)).toEqual([{ seats: 1 }, { person: 'rival' }]);
  });

  it('gives up after the bounded number of attempts when conflicts keep coming', async () => {
    const stream = uniqueStream(uniqueCategory());
    await commandHandler(store, seatBooking, { ids: randomIds })(stream, { type: 'OpenSeats', data: { seats: 10 } }, context('open'));
    let rival = 0;
    const alwaysRacing = interleave(
      store,
      () =>
        commandHandler(store, seatBooking, { ids: randomIds })(
          stream,
          { type: 'BookSeat', data: { person: `rival-${rival++}` } },
          context('rival'),
        ),
      Infinity,
    );
    const handle = commandHandler(alwaysRacing, seatBooking, { ids: randomIds, maxAttempts: 3 });

    await expect(handle(stream, { type: 'BookSeat', data: { person: 'ann' } }, context('ann'))).rejects.toMatchObject({
      name: 'WrongExpectedRevisionError',
    });
    expect(rival).toBe(3);
  });
});

/** The real store, but `rival` runs to completion right before each of the first `times` appends. */
function interleave(store: EventStore, rival: () => Promise<unknown>, times = 1): EventStore {
  let remaining = times;
  return Object.assign(Object.create(store) as EventStore, {
    appendToStream: async (...args: Parameters<EventStore['appendToStream']>): Promise<AppendResult> => {
      if (remaining-- > 0) await rival();
      return store.appendToStream(...args);
    },
  });
}
