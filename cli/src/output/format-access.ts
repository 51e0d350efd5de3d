import type { Assignment } from '../api/types';
import { formatHours } from '../parse/duration';
import { table } from './table';
import { formatInstant } from './time';

const STATUS_WORDS: Readonly<Record<Assignment['status'], string>> = {
  PENDING_PROVISIONING: 'being granted',
  ACTIVE: 'active',
  REVOKING: 'being removed',
  REVOKED: 'removed',
};

/** What the person holds: one line per assignment, with its source and when it ends. */
export function accessLines(assignments: readonly Assignment[], now: Date): string[] {
  if (assignments.length === 0) return ['You hold no access in Tenure.'];
  const rows = [...assignments]
    .sort((a, b) => `${a.applicationId}/${a.entitlementKey}`.localeCompare(`${b.applicationId}/${b.entitlementKey}`))
    .map((assignment) => [
      `${assignment.applicationId}/${assignment.entitlementKey}`,
      STATUS_WORDS[assignment.status],
      assignment.source.kind.toLowerCase().replace(/_/g, ' '),
      ending(assignment, now),
    ]);
  return table(['ENTITLEMENT', 'STATUS', 'SOURCE', 'ENDS'], rows);
}

function ending(assignment: Assignment, now: Date): string {
  if (assignment.revokedAt) {
    const reason = assignment.revocationReason ? ` (${assignment.revocationReason.toLowerCase().replace(/_/g, ' ')})` : '';
    return `ended ${formatInstant(assignment.revokedAt, now)}${reason}`;
  }
  if (assignment.validUntil) return formatInstant(assignment.validUntil, now);
  if (assignment.durationMs !== null) return `${formatHours(assignment.durationMs / 3_600_000)} from when it is granted`;
  return 'no end';
}
