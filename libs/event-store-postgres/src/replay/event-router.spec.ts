import type { EventFilter, RecordedEvent } from '@tenure/event-sourcing';
import { EventRouter } from './event-router';

/** The definition the stores' reads follow, written out plainly: every named prefix and type list must let the event through. */
function selects(filter: EventFilter | undefined, event: RecordedEvent): boolean {
  const prefixes = filter?.streamPrefixes ?? [];
  const types = filter?.eventTypes ?? [];
  return (
    (prefixes.length === 0 || prefixes.some((prefix) => event.streamId.startsWith(prefix))) &&
    (types.length === 0 || types.includes(event.type))
  );
}

function event(streamId: string, type: string, index: number): RecordedEvent {
  return {
    streamId,
    type,
    revision: 0n,
    position: { commit: BigInt(index), prepare: BigInt(index) },
    data: {},
    metadata: {
      eventId: `e${index}`,
      correlationId: 'c',
      causationId: null,
      actor: { kind: 'system', id: 'test' },
      occurredAt: '2026-01-01T00:00:00.000Z',
    },
    recordedAt: new Date(0),
  };
}

describe('EventRouter', () => {
  const filters: (EventFilter | undefined)[] = [
    undefined,
    {},
    { streamPrefixes: [], eventTypes: [] },
    { streamPrefixes: ['identity-'] },
    // Overlapping prefixes: a stream of the longer one starts with both.
    { streamPrefixes: ['identity-', 'identity-feed-'] },
    { streamPrefixes: ['identity-feed-'], eventTypes: ['FeedHeld'] },
    { eventTypes: ['IdentityHired', 'IdentityMoved'] },
    { streamPrefixes: ['assignment-', 'operation-'], eventTypes: ['AssignmentGranted', 'OperationSucceeded'] },
    { streamPrefixes: ['policy-set'], eventTypes: ['PolicyPublished'] },
  ];
  const streams = ['identity-1', 'identity-feed-2', 'assignment-3', 'operation-4', 'policy-set', 'policy-settings', 'other-5', ''];
  const types = ['IdentityHired', 'IdentityMoved', 'FeedHeld', 'AssignmentGranted', 'OperationSucceeded', 'PolicyPublished', 'Other'];

  it('given every combination of stream and type, when a batch is split, then each filter gets exactly the events it selects, in log order', () => {
    // Given: each combination twice, in an order that mixes them.
    const events = [...streams.flatMap((stream) => types.map((type) => [stream, type] as const))]
      .flatMap((pair) => [pair, pair])
      .sort((a, b) => (a[1] + a[0]).localeCompare(b[1] + b[0]))
      .map(([stream, type], index) => event(stream, type, index));

    // When
    const shares = new EventRouter(filters).split(events);

    // Then
    expect(shares).toHaveLength(filters.length);
    filters.forEach((filter, index) => {
      expect(shares[index]!.map((e) => e.metadata.eventId)).toEqual(
        events.filter((e) => selects(filter, e)).map((e) => e.metadata.eventId),
      );
    });
    // A spot check of the definition itself, so the comparison above is not against a mistake.
    expect(shares[5]!.map((e) => [e.streamId, e.type])).toEqual([
      ['identity-feed-2', 'FeedHeld'],
      ['identity-feed-2', 'FeedHeld'],
    ]);
    expect(new Set(shares[8]!.map((e) => e.streamId))).toEqual(new Set(['policy-set', 'policy-settings']));
  });

  it('given a filter that selects the whole batch, then it gets the batch itself (nothing copied)', () => {
    const events = [event('identity-1', 'IdentityHired', 1), event('identity-2', 'IdentityMoved', 2)];
    const shares = new EventRouter([undefined, { streamPrefixes: ['identity-'] }, { eventTypes: ['IdentityMoved'] }]).split(events);
    expect(shares[0]).toBe(events);
    expect(shares[1]).toBe(events);
    expect(shares[2]).toEqual([events[1]]);
  });

  it('given the same batch split twice, then the answers cached from the first are the same', () => {
    const router = new EventRouter(filters);
    const events = streams.map((stream, index) => event(stream, types[index % types.length]!, index));
    expect(router.split(events)).toEqual(router.split(events));
  });

  it('given more distinct prefixes than a mask holds, then it refuses at once', () => {
    const many = Array.from({ length: 32 }, (_, index) => ({ streamPrefixes: [`s${index}-`] }));
    expect(() => new EventRouter(many)).toThrow(/at most 31 stream prefixes/);
  });
});
