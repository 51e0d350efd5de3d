import type { RecordedEvent as EsdbRecordedEvent } from '@eventstore/db-client';
import { DomainError, type NewEvent } from '@tenure/event-sourcing';
import { MissingPositionError, toProposedEvent, toRecordedEvent } from './event-mapping';

const metadata = {
  eventId: 'hire-42',
  correlationId: 'corr-1',
  causationId: 'cmd-1',
  actor: { kind: 'hr-feed' as const, id: 'workday' },
  occurredAt: '2026-11-25T10:00:00.000Z',
};

describe('event mapping', () => {
  it('stores a port event as JSON with its metadata and an EventStoreDB id derived from the event id', () => {
    const event: NewEvent = { type: 'IdentityHired', data: { employeeNumber: 'E42' }, metadata };
    expect(toProposedEvent(event)).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      contentType: 'application/json',
      type: 'IdentityHired',
      data: { employeeNumber: 'E42' },
      metadata,
    });
  });

  it('refuses an event without data (JSON has no undefined)', () => {
    expect(() => toProposedEvent({ type: 'X', data: undefined, metadata })).toThrow(DomainError);
  });

  it('reads an event back with bigint revision and position, the stored metadata and created as recordedAt', () => {
    const created = new Date('2026-11-25T10:00:01.000Z');
    const raw = {
      streamId: 'identity-42',
      id: '0f8fad5b-d9cb-469f-a165-70867728950e',
      isJson: true,
      revision: 3n,
      type: 'IdentityHired',
      created,
      data: { employeeNumber: 'E42' },
      metadata,
      position: { commit: 9_007_199_254_740_993n, prepare: 9_007_199_254_740_993n },
    } as EsdbRecordedEvent;
    expect(toRecordedEvent(raw)).toEqual({
      streamId: 'identity-42',
      revision: 3n,
      position: { commit: 9_007_199_254_740_993n, prepare: 9_007_199_254_740_993n },
      type: 'IdentityHired',
      data: { employeeNumber: 'E42' },
      metadata,
      recordedAt: created,
    });
  });

  it('gives events written by other tools a minimal metadata keyed by their EventStoreDB id', () => {
    const created = new Date('2026-01-01T00:00:00.000Z');
    const raw = {
      streamId: 'legacy-1',
      id: '0f8fad5b-d9cb-469f-a165-70867728950e',
      isJson: false,
      revision: 0n,
      type: 'LegacyThing',
      created,
      data: Uint8Array.from([1, 2, 3]),
      metadata: { source: 'old-app' },
      position: { commit: 1n, prepare: 1n },
    } as EsdbRecordedEvent;
    const event = toRecordedEvent(raw);
    expect(event.data).toBe('AQID');
    expect(event.metadata).toEqual({
      eventId: '0f8fad5b-d9cb-469f-a165-70867728950e',
      correlationId: '0f8fad5b-d9cb-469f-a165-70867728950e',
      causationId: null,
      actor: { kind: 'system', id: 'eventstoredb' },
      occurredAt: '2026-01-01T00:00:00.000Z',
      esdbMetadata: { source: 'old-app' },
    });
  });

  it('fails clearly when the server sends no position (servers older than 22.6)', () => {
    const raw = {
      streamId: 's-1',
      id: 'x',
      isJson: true,
      revision: 0n,
      type: 'T',
      created: new Date(),
      data: {},
      metadata,
    } as EsdbRecordedEvent;
    expect(() => toRecordedEvent(raw)).toThrow(MissingPositionError);
  });
});
