import { commandHandler, DomainError, type Actor, type Clock, type EventStore, type IdGenerator } from '@tenure/event-sourcing';
import { withAdvisoryLock } from '@tenure/event-store-postgres';
import type { Pool } from 'pg';
import type { IdentityCommandResult, IdentityCommands } from '../../application/identity-commands';
import { utcDateOf } from '../../domain/identity';
import { DEFAULT_MASS_CHANGE_POLICY, guardMassChangeCounts, type MassChangePolicy } from '../change-guard';
import {
  applyFeedChange,
  destructiveKinds,
  feedActionCommand,
  type DestructiveKind,
  type FeedChange,
  type HrFeedChannel,
} from './feed-action';
import type { FeedGuardCommand } from './feed-guard.commands';
import { channelOfHoldId, feedGuardDecider, feedGuardStreamId, newHoldId } from './feed-guard.decider';
import { holdsChangeOf, type FeedGuardEvent, type FeedGuardState, type HeldChangeFailure } from './feed-guard.events';
import { countFeedChangesSince, countPopulation } from './feed-guard.queries';
import { LocalQueue } from './local-queue';

export interface FeedChangeGuardDependencies {
  readonly store: EventStore;
  readonly pool: Pool;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly commands: IdentityCommands;
  /** Resolves once the identity read models (the directory and the guard's counts) show everything committed so far. */
  readonly caughtUp: () => Promise<void>;
  readonly policy?: MassChangePolicy;
  /** The counting window of terminations and moves, in milliseconds. */
  readonly windowMs: number;
}

export type FeedOutcome =
  | { readonly kind: 'applied'; readonly result: IdentityCommandResult }
  | { readonly kind: 'held'; readonly holdId: string; readonly reasons: readonly string[] };

export interface FeedBurstOutcome {
  readonly holdId: string;
  readonly applied: number;
  readonly failures: readonly HeldChangeFailure[];
}

/**
 * The mass-change guard for the live HR feeds. A CSV file is judged whole; SCIM and the webhook send
 * one change at a time, so a broken HR system shows up as a burst: this guard counts each channel's
 * terminations and moves over a window (since the last administrator decision at most) and, when the
 * next one would exceed the limits, holds it instead of applying it. From then on the channel's
 * destructive changes (and any later change of a person already held) join the held burst until an
 * administrator confirms it (every held change is applied in order) or discards it.
 *
 * Harmless changes (hires, names, emails...) never wait, so a held burst does not stop onboarding.
 * Destructive changes of a channel are decided one at a time under an advisory lock, so two
 * concurrent requests cannot both slip under the limit.
 */
export class FeedChangeGuard {
  private readonly handle;
  private readonly queue = new LocalQueue();

  constructor(private readonly deps: FeedChangeGuardDependencies) {
    this.handle = commandHandler(deps.store, feedGuardDecider, { ids: deps.ids });
  }

  async submit(channel: HrFeedChannel, change: FeedChange): Promise<FeedOutcome> {
    if (holdsChangeOf(await this.state(channel), change.employeeNumber)) return this.hold(channel, change, new Set(), null);
    const { commands, clock, ids } = this.deps;
    const wouldRecord = await commands.preview(
      change.employeeNumber,
      feedActionCommand(change.action, change.source, clock.now(), ids.newId()),
    );
    const kinds = destructiveKinds(wouldRecord);
    if (kinds.size === 0) return { kind: 'applied', result: await applyFeedChange(commands, change, clock.now()) };
    return this.exclusively(channel, () => this.submitDestructive(channel, change, kinds));
  }

  /**
   * Applies every change of a held burst in the order received; refusals are recorded, the others go
   * on. Confirming a burst whose application was interrupted applies it again: changes already applied
   * change nothing the second time or are refused (a termination of a terminated identity) and listed.
   */
  async confirm(holdId: string, actor: Actor): Promise<FeedBurstOutcome> {
    const channel = this.channelOf(holdId);
    return this.exclusively(channel, async () => {
      const { state } = await this.run(
        channel,
        { type: 'ConfirmFeedBurst', data: { holdId, by: actor.id, now: this.deps.clock.now() } },
        actor,
      );
      const held = state.hold?.holdId === holdId ? state.hold.changes : [];
      let applied = 0;
      const failures: HeldChangeFailure[] = [];
      for (const { change } of held) {
        try {
          await applyFeedChange(this.deps.commands, change, this.deps.clock.now());
          applied += 1;
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          failures.push({ employeeNumber: change.employeeNumber, code: error.code, error: error.message });
        }
      }
      await this.run(channel, { type: 'CompleteFeedBurst', data: { holdId, applied, failures, now: this.deps.clock.now() } }, actor);
      await this.deps.caughtUp();
      return { holdId, applied, failures };
    });
  }

  /** Drops a held burst: none of its changes is applied; the feed must send them again if they were right. */
  async discard(holdId: string, actor: Actor, reason: string): Promise<void> {
    const channel = this.channelOf(holdId);
    await this.run(channel, { type: 'DiscardFeedBurst', data: { holdId, by: actor.id, reason, now: this.deps.clock.now() } }, actor);
    await this.deps.caughtUp();
  }

  private async submitDestructive(channel: HrFeedChannel, change: FeedChange, kinds: ReadonlySet<DestructiveKind>): Promise<FeedOutcome> {
    const state = await this.state(channel);
    if (state.hold?.status === 'held') return this.hold(channel, change, kinds, null);
    const { pool, clock, ids, windowMs } = this.deps;
    await this.deps.caughtUp();
    const now = clock.now();
    const windowStart = latest(new Date(now.getTime() - windowMs), state.lastDecidedAt);
    const recent = await countFeedChangesSince(pool, channel, windowStart);
    const decision = guardMassChangeCounts(
      {
        terminations: recent.terminations + (kinds.has('terminations') ? 1 : 0),
        moves: recent.moves + (kinds.has('moves') ? 1 : 0),
      },
      await countPopulation(pool),
      this.deps.policy ?? DEFAULT_MASS_CHANGE_POLICY,
    );
    if (decision.decision === 'hold')
      return this.hold(channel, change, kinds, { holdId: newHoldId(channel, ids.newId()), decision, windowStart });
    const result = await applyFeedChange(this.deps.commands, change, clock.now());
    // The next destructive change of this channel must count this one.
    await this.deps.caughtUp();
    return { kind: 'applied', result };
  }

  private async hold(
    channel: HrFeedChannel,
    change: FeedChange,
    kinds: ReadonlySet<DestructiveKind>,
    opening: Extract<FeedGuardCommand, { type: 'HoldFeedChange' }>['data']['opening'],
  ): Promise<FeedOutcome> {
    const now = this.deps.clock.now();
    const { state } = await this.run(
      channel,
      { type: 'HoldFeedChange', data: { channel, change: pinnedToToday(change, now), kinds: [...kinds], opening, now } },
      change.origin.actor,
    );
    const holdId = state.hold?.holdId ?? opening?.holdId ?? 'unknown';
    const reasons = opening?.decision.reasons ?? [`a burst of ${channel} changes is held (${holdId}); this change waits with it`];
    await this.deps.caughtUp();
    return { kind: 'held', holdId, reasons };
  }

  /** One destructive decision per channel at a time, across every instance of the service. */
  private exclusively<T>(channel: HrFeedChannel, work: () => Promise<T>): Promise<T> {
    const name = `hr-feed-guard:${channel}`;
    return this.queue.run(name, () => withAdvisoryLock(this.deps.pool, name, work));
  }

  private async state(channel: HrFeedChannel): Promise<FeedGuardState> {
    const recorded = await this.deps.store.readStream(feedGuardStreamId(channel));
    return recorded.reduce(
      (state, event) => feedGuardDecider.evolve(state, { type: event.type, data: event.data } as FeedGuardEvent),
      feedGuardDecider.initialState(),
    );
  }

  private run(channel: HrFeedChannel, command: FeedGuardCommand, actor: Actor) {
    const correlationId = command.type === 'HoldFeedChange' ? command.data.change.origin.correlationId : command.data.holdId;
    return this.handle(feedGuardStreamId(channel), command, {
      commandId: this.deps.ids.newId(),
      correlationId,
      actor,
      now: this.deps.clock.now(),
    });
  }

  private channelOf(holdId: string): HrFeedChannel {
    const channel = channelOfHoldId(holdId);
    if (!channel) throw new DomainError('not_found', `no held HR burst ${holdId}: hold ids start with scim- or webhook-`, { holdId });
    return channel;
  }
}

/**
 * A change held today keeps today's date: "terminate now" confirmed next week still terminates as of
 * the day HR sent it, and a change without a date takes effect from that day.
 */
function pinnedToToday(change: FeedChange, now: Date): FeedChange {
  const today = utcDateOf(now, change.employeeNumber);
  const { action } = change;
  if (action.type === 'terminate' && action.effectiveDate === null) return { ...change, action: { ...action, effectiveDate: today } };
  if (action.type === 'change-attributes' && action.effectiveDate === null)
    return { ...change, action: { ...action, effectiveDate: today } };
  return change;
}

function latest(windowStart: Date, lastDecidedAt: string | null): Date {
  if (lastDecidedAt === null) return windowStart;
  const decided = new Date(lastDecidedAt);
  return decided > windowStart ? decided : windowStart;
}
