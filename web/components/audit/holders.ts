// "Who held an entitlement at a given time", derived from today's assignment records. This is not the
// event-log replay auditors will get with the audit time-travel query: see the page's notice.

export interface AssignmentRecord {
  id: string;
  applicationId: string;
  entitlementKey: string;
  status: string;
  source: { kind: string; reference: string; policyVersion: number | null };
  validFrom: string;
  validUntil: string | null;
  addedAt: string;
  acknowledgedAt: string | null;
  revokedAt: string | null;
  revocationAcknowledgedAt: string | null;
  revocationReason: string | null;
}

/**
 * Whether the record says the assignment was held (Tenure's desired state) at `at`: added and in effect
 * by then, not yet revoked, not yet past its end.
 */
export function heldAt(record: AssignmentRecord, at: Date): boolean {
  const t = at.getTime();
  const started = Math.max(Date.parse(record.addedAt), Date.parse(record.validFrom));
  if (started > t) return false;
  if (record.revokedAt && Date.parse(record.revokedAt) <= t) return false;
  if (record.validUntil && Date.parse(record.validUntil) <= t) return false;
  return true;
}

/** Whether the target had acknowledged the grant by `at` and not yet acknowledged its removal. */
export function inTargetAt(record: AssignmentRecord, at: Date): boolean {
  const t = at.getTime();
  if (!record.acknowledgedAt || Date.parse(record.acknowledgedAt) > t) return false;
  return !record.revocationAcknowledgedAt || Date.parse(record.revocationAcknowledgedAt) > t;
}

/** A datetime-local value ("2026-11-26T10:30" or with seconds) read as UTC; null when it is not one. */
export function parseUtcLocal(value: string | undefined): Date | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const date = new Date(`${value.length === 16 ? `${value}:00` : value}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}
