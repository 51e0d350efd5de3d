import { formatInstant, parseUtcLocal, readEntitlement, readTimeQuestion, utcLocalText } from './time-question';

const now = new Date('2026-11-26T12:00:00.000Z');

describe('parseUtcLocal', () => {
  it('given a datetime-local value with or without seconds, when parsed, then it is read as UTC', () => {
    expect(parseUtcLocal('2026-11-26T10:30')?.toISOString()).toBe('2026-11-26T10:30:00.000Z');
    expect(parseUtcLocal('2026-11-26T10:30:15')?.toISOString()).toBe('2026-11-26T10:30:15.000Z');
  });

  it('given anything else, when parsed, then it is refused', () => {
    expect(parseUtcLocal('yesterday')).toBeNull();
    expect(parseUtcLocal('2026-11-26T10:30:15+02:00')).toBeNull();
    expect(parseUtcLocal(undefined)).toBeNull();
  });

  it('given an instant, when written back for the time field, then it reads as the same UTC instant to the second', () => {
    const at = new Date('2026-11-26T10:30:15.000Z');
    expect(utcLocalText(at)).toBe('2026-11-26T10:30:15');
    expect(parseUtcLocal(utcLocalText(at))?.getTime()).toBe(at.getTime());
  });
});

describe('readTimeQuestion', () => {
  it('given nothing, when read, then it asks about now, in the application', () => {
    expect(readTimeQuestion(undefined, undefined, now)).toEqual({ question: { at: now, basis: 'IN_APPLICATION' } });
  });

  it('given a past instant and the assigned basis, when read, then both are kept', () => {
    expect(readTimeQuestion('2026-11-20T08:00:05', 'ASSIGNED', now)).toEqual({
      question: { at: new Date('2026-11-20T08:00:05Z'), basis: 'ASSIGNED' },
    });
  });

  it('given a time that is not one and an unknown basis, when read, then each field has its problem', () => {
    const { errors } = readTimeQuestion('next tuesday', 'HELD', now);
    expect(errors?.at).toContain('“next tuesday” is not a UTC date and time');
    expect(errors?.basis).toContain('“HELD” is not a basis');
  });

  it('given an instant after now, when read, then it is refused on the time field', () => {
    expect(readTimeQuestion('2026-11-27T00:00', undefined, now).errors).toEqual({
      at: '2026-11-27T00:00:00 UTC is in the future; ask about a past instant or leave it empty for now.',
    });
  });
});

describe('readEntitlement', () => {
  it('given application:key, when read, then the key keeps any further colon', () => {
    expect(readEntitlement('erp:vendor-create')).toEqual({ applicationId: 'erp', entitlementKey: 'vendor-create' });
    expect(readEntitlement('ad:group:finance')).toEqual({ applicationId: 'ad', entitlementKey: 'group:finance' });
  });

  it('given no application or no key, when read, then it is refused', () => {
    expect(readEntitlement('erp')).toBeNull();
    expect(readEntitlement(':vendor-create')).toBeNull();
    expect(readEntitlement('erp:')).toBeNull();
  });
});

describe('formatInstant', () => {
  it('given an instant, when shown, then it is UTC to the second and says so', () => {
    expect(formatInstant('2026-11-26T10:30:15.250Z')).toBe('2026-11-26 10:30:15 UTC');
  });
});
