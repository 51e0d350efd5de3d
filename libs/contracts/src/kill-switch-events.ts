/**
 * The connector service's plan for a leaver's accounts. On a termination the connector requests a
 * disable in every application where the person may have an account, then records which
 * operations those are in `kill-switch-<terminationEventId>` (one event, appended once). The
 * workflow service reads it to know when the leaver's last account is disabled: the plan names the
 * operations, their outcomes (`operation-<operationId>`) say when each was done — in either order.
 */

export const KILL_SWITCH_STREAM_PREFIX = 'kill-switch-';

/** `terminationEventId`: the event id of the identity's IdentityTerminated. */
export function killSwitchStreamId(terminationEventId: string): string {
  return `${KILL_SWITCH_STREAM_PREFIX}${terminationEventId}`;
}

interface Published<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
}

export type PublishedKillSwitchPlanned = Published<
  'KillSwitchPlanned',
  {
    readonly identityId: string;
    readonly terminationEventId: string;
    /** The disable-account operations requested for the termination (possibly none). */
    readonly operationIds: readonly string[];
    readonly plannedAt: string;
  }
>;

export type PublishedKillSwitchEvent = PublishedKillSwitchPlanned;

export const PUBLISHED_KILL_SWITCH_EVENT_TYPES: readonly PublishedKillSwitchEvent['type'][] = ['KillSwitchPlanned'];
