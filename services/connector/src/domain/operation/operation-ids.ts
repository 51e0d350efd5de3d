import { createHash } from 'node:crypto';

// Operation ids are idempotency keys derived from the cause, so the same cause never yields a
// second operation (a replayed assignment event, a crash between request and checkpoint...).
// They appear in stream names and URLs: only [A-Za-z0-9._:-], and any part that could be long
// or hold other characters is hashed.

const SAFE_PART = /^[A-Za-z0-9_:-]{1,64}$/;

/** The part as it is when short and safe (no dot, which separates parts), else the first 32 hex digits of its SHA-256. */
export function idPart(value: string): string {
  return SAFE_PART.test(value) ? value : createHash('sha256').update(value).digest('hex').slice(0, 32);
}

/** The grant an assignment asks for. */
export function grantOperationId(assignmentId: string): string {
  return `grant.${idPart(assignmentId)}`;
}

/** The revocation when an assignment ends. */
export function revokeOperationId(assignmentId: string): string {
  return `revoke.${idPart(assignmentId)}`;
}

/** The leaver kill switch: one disable per application, per termination (a rehired and terminated again person gets new ones). */
export function disableOperationId(applicationId: string, identityId: string, terminationEventId: string): string {
  return `disable.${idPart(applicationId)}.${idPart(identityId)}.${idPart(terminationEventId)}`;
}

/** Reconciliation's remediation of one drift. */
export function driftOperationId(driftId: string): string {
  return `drift.${idPart(driftId)}`;
}
