import fc from 'fast-check';
import { toEsdbEventId, uuidV5 } from './event-id';

const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('EventStoreDB event ids', () => {
  it('computes RFC 4122 name-based UUIDs (known vector: python.org in the DNS namespace)', () => {
    expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });

  it('passes a UUID through, lower-cased as the server returns it', () => {
    expect(toEsdbEventId('0F8FAD5B-D9CB-469F-A165-70867728950E')).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
  });

  it('maps any other id to the same version-5 UUID every time, and different ids to different UUIDs', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (a, b) => {
        expect(toEsdbEventId(a)).toMatch(UUID_V5);
        expect(toEsdbEventId(a)).toBe(toEsdbEventId(a));
        if (a !== b && !/^[0-9a-f-]{36}$/i.test(a)) expect(toEsdbEventId(a)).not.toBe(toEsdbEventId(b));
      }),
    );
  });
});
