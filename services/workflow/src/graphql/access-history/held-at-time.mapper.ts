import type { HeldWithEvidence } from '../../application/access-history-queries';
import { AssignmentRevocationReason, AssignmentSourceKind } from '../assignments/assignment-enums';
import { AssignmentSource } from '../assignments/assignment.type';
import { identityReference } from '../identity/identity.type';
import { toAccessRequest } from '../requests/access-request.mapper';
import { HeldAtTime } from './held-at-time.type';

export function toHeldAtTime({ held, requests }: HeldWithEvidence): HeldAtTime {
  return Object.assign(new HeldAtTime(), {
    assignmentId: held.assignmentId,
    identity: identityReference(held.identityId),
    identityId: held.identityId,
    employeeNumber: held.employeeNumber,
    applicationId: held.applicationId,
    entitlementKey: held.entitlementKey,
    source: Object.assign(new AssignmentSource(), { ...held.source, kind: held.source.kind as AssignmentSourceKind }),
    since: held.since,
    addedAt: held.addedAt,
    activeFrom: held.activeFrom,
    validUntil: held.validUntilAt,
    revokedAt: held.revokedAt,
    revocationReason: held.revocationReason as AssignmentRevocationReason | null,
    revocationAcknowledgedAt: held.revocationAcknowledgedAt,
    requests: requests.map(toAccessRequest),
  });
}
