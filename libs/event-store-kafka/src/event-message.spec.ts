import fc from 'fast-check';
import type { RecordedEvent } from '@tenure/event-sourcing';
import { decodeEvent, encodeEvent, EventMessageError, EVENT_CONTENT_TYPE, eventIdOf, HEADERS } from './event-message';

const event: RecordedEvent = {
  streamId: 'identity-42',
  revision: 7n,
  position: { commit: 2n ** 64n - 1n, prepare: 12n },
  type: 'IdentityHired',
  data: { employeeNumber: 'E42', tags: ['a', 'b'] },
  metadata: {
    eventId: 'evt-1',
    correlationId: 'corr-1',
    causationId: 'cmd-1',
    actor: { kind: 'hr-feed', id: 'workday' },
    occurredAt: '2026-11-25T10:00:00.000Z',
  },
  recordedAt: new Date('2026-11-25T10:00:01.234Z'),
};

describe('event messages', () => {
  it('keys by stream id and carries ids and type in headers', () => {
    const message = encodeEvent(event);
    expect(message.key).toBe('identity-42');
    expect(message.headers).toEqual({
      [HEADERS.contentType]: EVENT_CONTENT_TYPE,
      [HEADERS.eventId]: 'evt-1',
      [HEADERS.eventType]: 'IdentityHired',
      [HEADERS.correlationId]: 'corr-1',
      [HEADERS.causationId]: 'cmd-1',
    });
    expect(JSON.parse(message.value as string)).toMatchObject({
      revision: '7',
      position: { commit: '18446744073709551615', prepare: '12' },
    });
  });

  it('omits the causation header when there is no cause', () => {
    const message = encodeEvent({ ...event, metadata: { ...event.metadata, causationId: null } });
    expect(message.headers).not.toHaveProperty(HEADERS.causationId);
  });

  it('decodes what it encodes, as Kafka hands it over (Buffers)', () => {
    const message = encodeEvent(event);
    const received = { value: Buffer.from(message.value as string), headers: { [HEADERS.contentType]: Buffer.from(EVENT_CONTENT_TYPE) } };
    expect(decodeEvent(received)).toEqual(event);
    expect(eventIdOf({ [HEADERS.eventId]: Buffer.from('evt-1') })).toBe('evt-1');
  });

  it('property: any event survives the round trip', () => {
    const json = fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v)) as unknown);
    const recorded = fc.record({
      streamId: fc.string({ minLength: 1 }),
      revision: fc.bigInt({ min: 0n, max: 2n ** 63n }),
      position: fc.record({ commit: fc.bigInt({ min: 0n, max: 2n ** 64n }), prepare: fc.bigInt({ min: 0n, max: 2n ** 64n }) }),
      type: fc.string({ minLength: 1 }),
      data: json,
      metadata: fc.record({
        eventId: fc.uuid(),
        correlationId: fc.string(),
        causationId: fc.option(fc.string(), { nil: null }),
        actor: fc.record({
          kind: fc.constantFrom('person' as const, 'service' as const, 'hr-feed' as const, 'system' as const),
          id: fc.string(),
        }),
        occurredAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      }),
      recordedAt: fc.date({ noInvalidDate: true, min: new Date(0), max: new Date('9999-12-31') }),
    });
    fc.assert(
      fc.property(recorded, (original) => {
        expect(decodeEvent(encodeEvent(original) as { value: string })).toEqual(original);
      }),
    );
  });

  it.each([
    ['a tombstone', { value: null }, 'no value'],
    ['not JSON', { value: '{' }, 'not JSON'],
    ['another content type', { value: '{}', headers: { [HEADERS.contentType]: 'text/plain' } }, 'content type'],
    [
      'a revision that is not a decimal',
      { value: JSON.stringify({ ...JSON.parse(encodeEvent(event).value as string), revision: 7 }) },
      'revision',
    ],
    [
      'metadata without an event id',
      { value: JSON.stringify({ ...JSON.parse(encodeEvent(event).value as string), metadata: {} }) },
      'eventId',
    ],
  ])('refuses %s, saying what is wrong', (_, message, problem) => {
    expect(() => decodeEvent(message)).toThrow(EventMessageError);
    expect(() => decodeEvent(message)).toThrow(problem);
  });
});
