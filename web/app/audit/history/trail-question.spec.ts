import { actorText, readTrailQuestion } from './trail-question';

describe('the audit trail question', () => {
  it('given nothing asked, when read, then there is no question', () => {
    expect(readTrailQuestion({})).toBeNull();
  });

  it('given a person and an entitlement with days, when read, then the days become an inclusive UTC window', () => {
    expect(readTrailQuestion({ person: ' 10038 ', target: 'erp:vendor-create', from: '2026-11-01', to: '2026-11-02' })).toEqual({
      question: {
        person: '10038',
        applicationId: 'erp',
        entitlementKey: 'vendor-create',
        from: new Date('2026-11-01T00:00:00Z'),
        to: new Date('2026-11-03T00:00:00Z'),
      },
    });
  });

  it('given an application alone, when read, then it asks for the whole application', () => {
    expect(readTrailQuestion({ target: 'erp' })?.question).toMatchObject({ applicationId: 'erp', entitlementKey: null, person: null });
  });

  it('given a bad target, a bad date and an inverted window, when read, then each field says what is wrong', () => {
    expect(readTrailQuestion({ target: 'erp:', from: '2026-13-01' })?.errors).toEqual({
      target: expect.stringMatching(/neither an application/),
      from: expect.stringMatching(/not a date/),
    });
    expect(readTrailQuestion({ person: '1', from: '2026-11-05', to: '2026-11-01' })?.errors).toEqual({
      to: expect.stringMatching(/before/),
    });
  });

  it('given each kind of actor, when shown, then it says who in words', () => {
    expect(actorText({ kind: 'PERSON', id: '10040', name: 'Oskar Nilsson' })).toBe('Oskar Nilsson (10040)');
    expect(actorText({ kind: 'HR_FEED', id: 'nightly-csv', name: null })).toBe('HR feed nightly-csv');
    expect(actorText({ kind: 'ADMINISTRATOR_TOKEN', id: 'admin-token', name: null })).toBe('the administrator token');
    expect(actorText({ kind: 'SERVICE', id: 'workflow', name: null })).toBe('workflow service');
  });
});
