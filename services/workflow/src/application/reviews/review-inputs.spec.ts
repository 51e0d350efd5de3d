import type { RecordedEvent } from '@tenure/event-sourcing';
import { movesWork } from './mover-review';
import { revocationsOf } from './review-execution';

const recorded = (type: string, data: unknown): RecordedEvent =>
  ({
    type,
    data,
    streamId: 'review-campaign-c1',
    revision: 0n,
    position: 0n,
    recordedAt: new Date(),
    metadata: {},
  }) as unknown as RecordedEvent;

describe('what the review processes read from an event', () => {
  it('given a revoke decision, then its assignment is to be revoked; given a keep, then nothing', () => {
    expect(revocationsOf(recorded('ReviewItemDecided', { decision: 'revoke', assignmentId: 'a1', identityId: 'i1' }))).toEqual([
      { assignmentId: 'a1', identityId: 'i1' },
    ]);
    expect(revocationsOf(recorded('ReviewItemDecided', { decision: 'keep', assignmentId: 'a1', identityId: 'i1' }))).toEqual([]);
  });

  it('given a campaign closed with defaulted items, then they are revoked when the default is revoke, kept otherwise', () => {
    const defaulted = [{ itemId: 'c1:a2', assignmentId: 'a2', identityId: 'i2' }];
    expect(revocationsOf(recorded('ReviewCampaignClosed', { defaultAction: 'revoke', defaulted }))).toEqual([
      { assignmentId: 'a2', identityId: 'i2' },
    ]);
    expect(revocationsOf(recorded('ReviewCampaignClosed', { defaultAction: 'keep', defaulted }))).toEqual([]);
  });

  it('given a move of department, title or manager, then it is reviewed; given a cost center change only, then it is not', () => {
    const move = (after: Record<string, string>) =>
      movesWork({ type: 'IdentityMoved', data: { identityId: 'i1', effectiveDate: '2026-06-10', before: {}, after, lifecycle: 'mover' } });
    expect(move({ department: 'Sales' })).toBe(true);
    expect(move({ title: 'Lead' })).toBe(true);
    expect(move({ managerEmployeeNumber: '1002' })).toBe(true);
    expect(move({ costCenter: 'CC-9' })).toBe(false);
  });
});
