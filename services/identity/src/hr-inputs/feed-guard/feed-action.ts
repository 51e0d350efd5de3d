import type { CommandOrigin, IdentityCommandResult, IdentityCommands } from '../../application/identity-commands';
import type { HrRecord, HrSource } from '../../domain/hr-record';
import { MOVER_ATTRIBUTES } from '../../domain/hr-record';
import type { AttributeValues, IdentityCommand, IdentityEvent, IsoDate } from '../../domain/identity';

/** The live HR feeds: each pushes one change at a time, so each is guarded against bursts on its own. */
export const HR_FEED_CHANNELS = ['scim', 'webhook'] as const;
export type HrFeedChannel = (typeof HR_FEED_CHANNELS)[number];

/**
 * What a live feed asks of one identity, as plain data: it can be applied now, or kept in a held
 * burst (in events, so it survives restarts) and applied when an administrator confirms.
 */
export type FeedAction =
  | { readonly type: 'sync'; readonly record: HrRecord }
  | { readonly type: 'change-attributes'; readonly changes: AttributeValues; readonly effectiveDate: IsoDate | null }
  | { readonly type: 'terminate'; readonly effectiveDate: IsoDate | null; readonly reason: string | null }
  | { readonly type: 'cancel-termination' }
  | { readonly type: 'start-leave'; readonly reason: string | null }
  | { readonly type: 'return-from-leave' };

export interface FeedChange {
  readonly employeeNumber: string;
  readonly action: FeedAction;
  readonly source: HrSource;
  /** The feed as actor, correlated by its request or event id: kept when a held change is applied later. */
  readonly origin: Required<CommandOrigin>;
}

/** The identity command an action becomes; `identityId` is used only when a sync hires. */
export function feedActionCommand(action: FeedAction, source: HrSource, now: Date, identityId: string): IdentityCommand {
  switch (action.type) {
    case 'sync':
      return { type: 'SyncFromHr', data: { identityId, record: action.record, now, source } };
    case 'change-attributes':
      return { type: 'ChangeAttributes', data: { changes: action.changes, effectiveDate: action.effectiveDate, now, source } };
    case 'terminate':
      return { type: 'Terminate', data: { effectiveDate: action.effectiveDate, reason: action.reason, now, source } };
    case 'cancel-termination':
      return { type: 'CancelTermination', data: { now, source } };
    case 'start-leave':
      return { type: 'StartLeave', data: { reason: action.reason, now, source } };
    case 'return-from-leave':
      return { type: 'ReturnFromLeave', data: { now, source } };
    default:
      return unexpectedAction(action);
  }
}

/** Applies the change through the identity commands (syncs and manager changes get their cycle check there). */
export function applyFeedChange(commands: IdentityCommands, change: FeedChange, now: Date): Promise<IdentityCommandResult> {
  const { employeeNumber, action, source, origin } = change;
  switch (action.type) {
    case 'sync':
      return commands.syncFromHr(action.record, source, origin);
    case 'change-attributes':
      return commands.changeAttributes(employeeNumber, { changes: action.changes, effectiveDate: action.effectiveDate, source }, origin);
    default:
      return commands.execute(employeeNumber, feedActionCommand(action, source, now, 'unused'), origin);
  }
}

export type DestructiveKind = 'terminations' | 'moves';

/**
 * What the mass-change guard weighs in the events a change would record: a termination (now or
 * scheduled) or a move (now or scheduled). Classified by the domain's own events, not re-derived.
 */
export function destructiveKinds(events: readonly IdentityEvent[]): ReadonlySet<DestructiveKind> {
  const kinds = new Set<DestructiveKind>();
  for (const event of events) {
    if (event.type === 'IdentityTerminated' || event.type === 'TerminationScheduled') kinds.add('terminations');
    if (event.type === 'IdentityMoved') kinds.add('moves');
    if (event.type === 'AttributeChangeScheduled' && MOVER_ATTRIBUTES.some((name) => event.data.changes[name] !== undefined)) {
      kinds.add('moves');
    }
  }
  return kinds;
}

/** A short description of an action for administrators reviewing a held burst. */
export function describeFeedAction(action: FeedAction): string {
  switch (action.type) {
    case 'sync':
      return action.record.active ? 'update from the HR record' : 'HR record marked inactive';
    case 'change-attributes':
      return `change ${Object.keys(action.changes).join(', ')}${action.effectiveDate ? ` from ${action.effectiveDate}` : ''}`;
    case 'terminate':
      return `terminate${action.effectiveDate ? ` on ${action.effectiveDate}` : ''}${action.reason ? ` (${action.reason})` : ''}`;
    case 'cancel-termination':
      return 'cancel the scheduled termination';
    case 'start-leave':
      return 'start a leave of absence';
    case 'return-from-leave':
      return 'return from leave';
    default:
      return unexpectedAction(action);
  }
}

function unexpectedAction(action: never): never {
  throw new Error(`unexpected feed action: ${JSON.stringify(action)}`);
}
