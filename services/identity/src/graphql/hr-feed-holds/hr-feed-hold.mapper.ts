import type { HrFeedHeldChangeRow, HrFeedHoldRow } from '../../hr-inputs/feed-guard';
import { HrFeedChannel, HrFeedHoldStatus, type HeldHrFeedChange, type HrFeedHold } from './hr-feed-hold.type';

export function toHrFeedHold(row: HrFeedHoldRow, changes: readonly HrFeedHeldChangeRow[]): HrFeedHold {
  return {
    id: row.hold_id,
    channel: row.channel === 'scim' ? HrFeedChannel.SCIM : HrFeedChannel.WEBHOOK,
    status: statusOf(row.status),
    reasons: row.reasons,
    population: row.population,
    windowStart: row.window_start,
    heldAt: row.held_at,
    changeCount: row.change_count,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    discardReason: row.discard_reason,
    applied: row.applied,
    failures: row.failures ?? [],
    changes: changes.map(toHeldChange),
  };
}

function toHeldChange(row: HrFeedHeldChangeRow): HeldHrFeedChange {
  return {
    employeeNumber: row.employee_number,
    description: row.description,
    kinds: row.kinds,
    correlationId: row.correlation_id,
    receivedAt: row.received_at,
  };
}

function statusOf(status: HrFeedHoldRow['status']): HrFeedHoldStatus {
  const found = Object.values(HrFeedHoldStatus).find((value) => value === status);
  if (!found) throw new Error(`unknown held burst status ${status}`);
  return found;
}
