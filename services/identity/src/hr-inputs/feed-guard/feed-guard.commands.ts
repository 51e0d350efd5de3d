import { DomainError } from '@tenure/event-sourcing';
import { assertNever } from '../../domain/identity/assert-never';
import type { MassChangeDecision } from '../change-guard';
import { describeFeedAction, type DestructiveKind, type FeedChange, type HrFeedChannel } from './feed-action';
import type { FeedGuardEvent, FeedGuardState, HeldChangeFailure } from './feed-guard.events';

/**
 * Keep a change: it joins the burst already held, or, with `opening`, starts one (the guard's
 * decision says why). Joining needs no decision: once a burst is held, the channel's destructive
 * changes wait behind it until an administrator decides.
 */
export interface HoldFeedChange {
  readonly type: 'HoldFeedChange';
  readonly data: {
    readonly channel: HrFeedChannel;
    readonly change: FeedChange;
    readonly kinds: readonly DestructiveKind[];
    readonly opening: { readonly holdId: string; readonly decision: MassChangeDecision; readonly windowStart: Date } | null;
    readonly now: Date;
  };
}

export interface ConfirmFeedBurst {
  readonly type: 'ConfirmFeedBurst';
  readonly data: { readonly holdId: string; readonly by: string; readonly now: Date };
}

export interface DiscardFeedBurst {
  readonly type: 'DiscardFeedBurst';
  readonly data: { readonly holdId: string; readonly by: string; readonly reason: string; readonly now: Date };
}

export interface CompleteFeedBurst {
  readonly type: 'CompleteFeedBurst';
  readonly data: { readonly holdId: string; readonly applied: number; readonly failures: readonly HeldChangeFailure[]; readonly now: Date };
}

export type FeedGuardCommand = HoldFeedChange | ConfirmFeedBurst | DiscardFeedBurst | CompleteFeedBurst;

export function decide(command: FeedGuardCommand, state: FeedGuardState): readonly FeedGuardEvent[] {
  switch (command.type) {
    case 'HoldFeedChange':
      return decideHold(command.data, state);
    case 'ConfirmFeedBurst': {
      const { holdId, by, now } = command.data;
      // Confirmed already but never completed (the process stopped while applying): confirming again resumes it.
      if (state.hold?.holdId === holdId && state.hold.status === 'confirmed') return [];
      requireHeld(state, holdId, 'confirmed');
      return [{ type: 'HrFeedBurstConfirmed', data: { holdId, by, confirmedAt: now.toISOString() } }];
    }
    case 'DiscardFeedBurst': {
      const { holdId, by, reason, now } = command.data;
      requireHeld(state, holdId, 'discarded');
      if (reason.trim() === '') {
        throw new DomainError('validation', `held HR burst ${holdId}: a reason is required to discard it`, { holdId, field: 'reason' });
      }
      return [{ type: 'HrFeedBurstDiscarded', data: { holdId, by, reason, discardedAt: now.toISOString() } }];
    }
    case 'CompleteFeedBurst': {
      const { holdId, applied, failures, now } = command.data;
      if (state.hold?.holdId !== holdId || state.hold.status !== 'confirmed') {
        throw new DomainError('illegal_state', `held HR burst ${holdId} is not being applied, so it cannot complete`, { holdId });
      }
      return [{ type: 'HrFeedBurstApplied', data: { holdId, applied, failures, completedAt: now.toISOString() } }];
    }
    default:
      return assertNever(command);
  }
}

function decideHold(data: HoldFeedChange['data'], state: FeedGuardState): readonly FeedGuardEvent[] {
  const { change, kinds, now, opening, channel } = data;
  const held = (holdId: string): FeedGuardEvent => ({
    type: 'HrFeedChangeHeld',
    data: { holdId, change, kinds, description: describeFeedAction(change.action), receivedAt: now.toISOString() },
  });
  if (state.hold?.status === 'held') return [held(state.hold.holdId)];
  if (state.hold?.status === 'confirmed') {
    throw new DomainError(
      'conflict',
      `employee ${change.employeeNumber}: the held ${channel} burst ${state.hold.holdId} is being applied; send this change again`,
      { employeeNumber: change.employeeNumber, holdId: state.hold.holdId, reason: 'burst_being_applied' },
    );
  }
  if (opening === null) {
    throw new DomainError('illegal_state', `employee ${change.employeeNumber}: no held ${channel} burst to join`, {
      employeeNumber: change.employeeNumber,
    });
  }
  const { holdId, decision, windowStart } = opening;
  return [
    {
      type: 'HrFeedBurstHeld',
      data: {
        holdId,
        channel,
        reasons: decision.reasons,
        measures: decision.measures,
        population: decision.population,
        windowStart: windowStart.toISOString(),
        heldAt: now.toISOString(),
      },
    },
    held(holdId),
  ];
}

function requireHeld(state: FeedGuardState, holdId: string, doing: 'confirmed' | 'discarded'): void {
  if (state.hold?.holdId !== holdId) {
    throw new DomainError('not_found', `no held HR burst ${holdId} waits for a decision (it may have been decided already)`, { holdId });
  }
  if (state.hold.status !== 'held') {
    throw new DomainError('illegal_state', `held HR burst ${holdId} is already being applied, so it cannot be ${doing}`, { holdId });
  }
}
