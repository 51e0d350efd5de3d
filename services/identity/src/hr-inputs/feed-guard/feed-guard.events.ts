import type { DomainEvent } from '@tenure/event-sourcing';
import { assertNever } from '../../domain/identity/assert-never';
import type { GuardMeasure } from '../change-guard';
import type { DestructiveKind, FeedChange, HrFeedChannel } from './feed-action';

// The burst guard of one live HR feed (SCIM or webhook), one stream per channel. Only held bursts
// and their decisions are recorded here: changes that pass go straight to the identities, whose own
// events are what the guard counts.

/** Too many terminations or moves arrived in the window: this change and the channel's next destructive ones wait. */
export type HrFeedBurstHeld = DomainEvent<
  'HrFeedBurstHeld',
  {
    readonly holdId: string;
    readonly channel: HrFeedChannel;
    readonly reasons: readonly string[];
    readonly measures: readonly GuardMeasure[];
    readonly population: number;
    /** Changes from this instant on were counted. */
    readonly windowStart: string;
    readonly heldAt: string;
  }
>;

/** One change kept, whole, for the administrator's decision. */
export type HrFeedChangeHeld = DomainEvent<
  'HrFeedChangeHeld',
  {
    readonly holdId: string;
    readonly change: FeedChange;
    /** Empty for a harmless change held only because an earlier change of the same person is held (their order is kept). */
    readonly kinds: readonly DestructiveKind[];
    readonly description: string;
    readonly receivedAt: string;
  }
>;

export type HrFeedBurstConfirmed = DomainEvent<
  'HrFeedBurstConfirmed',
  { readonly holdId: string; readonly by: string; readonly confirmedAt: string }
>;

export type HrFeedBurstDiscarded = DomainEvent<
  'HrFeedBurstDiscarded',
  { readonly holdId: string; readonly by: string; readonly reason: string; readonly discardedAt: string }
>;

export interface HeldChangeFailure {
  readonly employeeNumber: string;
  readonly code: string;
  readonly error: string;
}

/** A confirmed burst went through the identity commands: how many changes applied and which were refused. */
export type HrFeedBurstApplied = DomainEvent<
  'HrFeedBurstApplied',
  { readonly holdId: string; readonly applied: number; readonly failures: readonly HeldChangeFailure[]; readonly completedAt: string }
>;

export type FeedGuardEvent = HrFeedBurstHeld | HrFeedChangeHeld | HrFeedBurstConfirmed | HrFeedBurstDiscarded | HrFeedBurstApplied;

// ---------------------------------------------------------------- state

export interface HeldChange {
  readonly change: FeedChange;
  readonly receivedAt: string;
}

export interface OpenHold {
  readonly holdId: string;
  /** held: waiting for an administrator; confirmed: being applied. */
  readonly status: 'held' | 'confirmed';
  readonly changes: readonly HeldChange[];
}

export interface FeedGuardState {
  readonly hold: OpenHold | null;
  /** The last confirmation or discard: the counting window starts again from it. */
  readonly lastDecidedAt: string | null;
}

export function initialState(): FeedGuardState {
  return { hold: null, lastDecidedAt: null };
}

export function evolve(state: FeedGuardState, event: FeedGuardEvent): FeedGuardState {
  switch (event.type) {
    case 'HrFeedBurstHeld':
      return { ...state, hold: { holdId: event.data.holdId, status: 'held', changes: [] } };
    case 'HrFeedChangeHeld': {
      if (state.hold?.holdId !== event.data.holdId) return state;
      const held: HeldChange = { change: event.data.change, receivedAt: event.data.receivedAt };
      return { ...state, hold: { ...state.hold, changes: [...state.hold.changes, held] } };
    }
    case 'HrFeedBurstConfirmed':
      return state.hold?.holdId === event.data.holdId
        ? { hold: { ...state.hold, status: 'confirmed' }, lastDecidedAt: event.data.confirmedAt }
        : state;
    case 'HrFeedBurstDiscarded':
      return { hold: null, lastDecidedAt: event.data.discardedAt };
    case 'HrFeedBurstApplied':
      return { ...state, hold: null };
    default:
      return assertNever(event);
  }
}

/** True when a change of this person waits in the held burst: their next changes wait behind it. */
export function holdsChangeOf(state: FeedGuardState, employeeNumber: string): boolean {
  return state.hold?.status === 'held' && state.hold.changes.some((held) => held.change.employeeNumber === employeeNumber);
}
