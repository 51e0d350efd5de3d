import { deciderSpec } from '@tenure/testing';
import { guardMassChangeCounts } from '../change-guard';
import type { FeedChange } from './feed-action';
import { feedGuardDecider } from './feed-guard.decider';
import { evolve, holdsChangeOf, initialState, type FeedGuardEvent } from './feed-guard.events';

const now = new Date('2026-11-25T10:00:00Z');
const later = new Date('2026-11-25T11:00:00Z');
const spec = deciderSpec(feedGuardDecider);

const terminate = (employeeNumber: string): FeedChange => ({
  employeeNumber,
  action: { type: 'terminate', effectiveDate: '2026-11-25', reason: 'SCIM DELETE / active:false' },
  source: { kind: 'scim', reference: `scim:${employeeNumber}` },
  origin: { actor: { kind: 'hr-feed', id: 'scim' }, correlationId: `scim:${employeeNumber}` },
});
const decision = guardMassChangeCounts({ terminations: 26, moves: 0 }, 1000);
const opening = { holdId: 'scim-h1', decision, windowStart: new Date('2026-11-25T09:00:00Z') };

const burstHeld: FeedGuardEvent = {
  type: 'HrFeedBurstHeld',
  data: {
    holdId: 'scim-h1',
    channel: 'scim',
    reasons: decision.reasons,
    measures: decision.measures,
    population: 1000,
    windowStart: '2026-11-25T09:00:00.000Z',
    heldAt: now.toISOString(),
  },
};
const changeHeld = (employeeNumber: string, kinds: ('terminations' | 'moves')[] = ['terminations']): FeedGuardEvent => ({
  type: 'HrFeedChangeHeld',
  data: {
    holdId: 'scim-h1',
    change: terminate(employeeNumber),
    kinds,
    description: 'terminate on 2026-11-25 (SCIM DELETE / active:false)',
    receivedAt: now.toISOString(),
  },
});
const confirmed: FeedGuardEvent = {
  type: 'HrFeedBurstConfirmed',
  data: { holdId: 'scim-h1', by: 'admin', confirmedAt: later.toISOString() },
};

describe('the live-feed burst guard', () => {
  it('given no held burst, when a change is held with the guard’s decision, then a burst opens with the reasons and keeps the change', () => {
    spec
      .given([])
      .when({ type: 'HoldFeedChange', data: { channel: 'scim', change: terminate('1001'), kinds: ['terminations'], opening, now } })
      .then([burstHeld, changeHeld('1001')]);
    expect(decision.reasons).toEqual(['26 terminations out of 1000 identities (2.6%): more than the limit of 25 people']);
  });

  it('given a held burst, when another change is held, then it joins that burst without a new decision', () => {
    spec
      .given([burstHeld, changeHeld('1001')])
      .when({ type: 'HoldFeedChange', data: { channel: 'scim', change: terminate('1002'), kinds: ['terminations'], opening: null, now } })
      .then([changeHeld('1002')]);
  });

  it('given no held burst, when a change would join one, then it is refused: nothing to join', () => {
    spec
      .given([])
      .when({ type: 'HoldFeedChange', data: { channel: 'scim', change: terminate('1001'), kinds: [], opening: null, now } })
      .thenThrows({ code: 'illegal_state' });
  });

  it('given a burst being applied, when a change arrives to be held, then it is refused as a conflict to send again', () => {
    spec
      .given([burstHeld, changeHeld('1001'), confirmed])
      .when({ type: 'HoldFeedChange', data: { channel: 'scim', change: terminate('1002'), kinds: ['terminations'], opening, now } })
      .thenThrows({ code: 'conflict' });
  });

  it('given a held burst, when an administrator confirms it, then it is confirmed by them and the window restarts then', () => {
    spec
      .given([burstHeld, changeHeld('1001')])
      .when({ type: 'ConfirmFeedBurst', data: { holdId: 'scim-h1', by: 'admin', now: later } })
      .then([confirmed]);
    const state = [burstHeld, changeHeld('1001'), confirmed].reduce(evolve, initialState());
    expect(state.lastDecidedAt).toBe(later.toISOString());
    expect(state.hold?.changes.map((held) => held.change.employeeNumber)).toEqual(['1001']);
  });

  it('given a burst confirmed but never completed (a crash while applying), when it is confirmed again, then nothing new is recorded and it can be applied again', () => {
    spec
      .given([burstHeld, changeHeld('1001'), confirmed])
      .when({ type: 'ConfirmFeedBurst', data: { holdId: 'scim-h1', by: 'admin', now: later } })
      .then([]);
  });

  it('given a held burst, when it is confirmed under another id, then not_found says it may be decided already', () => {
    spec
      .given([burstHeld])
      .when({ type: 'ConfirmFeedBurst', data: { holdId: 'scim-other', by: 'admin', now: later } })
      .thenThrows({ code: 'not_found' });
  });

  it('given a held burst, when it is discarded without a reason, then it is refused naming the field', () => {
    spec
      .given([burstHeld])
      .when({ type: 'DiscardFeedBurst', data: { holdId: 'scim-h1', by: 'admin', reason: ' ', now: later } })
      .thenThrows({ code: 'validation', details: { holdId: 'scim-h1', field: 'reason' } });
  });

  it('given a held burst, when it is discarded with a reason, then the channel has no hold left and the window restarts', () => {
    const discarded: FeedGuardEvent = {
      type: 'HrFeedBurstDiscarded',
      data: { holdId: 'scim-h1', by: 'admin', reason: 'HR export bug', discardedAt: later.toISOString() },
    };
    spec
      .given([burstHeld, changeHeld('1001')])
      .when({ type: 'DiscardFeedBurst', data: { holdId: 'scim-h1', by: 'admin', reason: 'HR export bug', now: later } })
      .then([discarded]);
    expect([burstHeld, changeHeld('1001'), discarded].reduce(evolve, initialState())).toEqual({
      hold: null,
      lastDecidedAt: later.toISOString(),
    });
  });

  it('given a confirmed burst, when it completes, then the results are recorded and the channel has no hold left', () => {
    const failures = [{ employeeNumber: '1001', code: 'illegal_state', error: 'already terminated' }];
    const applied: FeedGuardEvent = {
      type: 'HrFeedBurstApplied',
      data: { holdId: 'scim-h1', applied: 0, failures, completedAt: later.toISOString() },
    };
    spec
      .given([burstHeld, changeHeld('1001'), confirmed])
      .when({ type: 'CompleteFeedBurst', data: { holdId: 'scim-h1', applied: 0, failures, now: later } })
      .then([applied]);
    expect([burstHeld, changeHeld('1001'), confirmed, applied].reduce(evolve, initialState()).hold).toBeNull();
  });

  it('given a held burst that is not confirmed, when it completes, then it is refused', () => {
    spec
      .given([burstHeld])
      .when({ type: 'CompleteFeedBurst', data: { holdId: 'scim-h1', applied: 0, failures: [], now: later } })
      .thenThrows({ code: 'illegal_state' });
  });

  it('given a held burst, when asked about people, then only those with a held change wait behind it', () => {
    const state = [burstHeld, changeHeld('1001')].reduce(evolve, initialState());

    expect(holdsChangeOf(state, '1001')).toBe(true);
    expect(holdsChangeOf(state, '1002')).toBe(false);
    expect(holdsChangeOf([burstHeld, changeHeld('1001'), confirmed].reduce(evolve, initialState()), '1001')).toBe(false);
  });
});
