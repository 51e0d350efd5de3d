import type { CompiledPolicy, HeldEntitlement, PolicySubject } from '@tenure/policy-decisions';
import { heldEntitlementsOf } from '../read-model/policy-assignments/policy-assignments.queries';
import type { Queryable } from '../read-model/queryable';

/**
 * What identities hold now: the input of SoD checks, request evaluations (conflicts with current
 * access, peer adoption) and simulations. A port, so that decisions do not care where holdings come
 * from; the service uses `AssignmentsAsHeldEntitlements`.
 */
export interface HeldEntitlements {
  /** What each subject holds, by identity id (an identity holding nothing may be missing from the map). */
  heldBy(subjects: readonly PolicySubject[], latest: CompiledPolicy): Promise<ReadonlyMap<string, readonly HeldEntitlement[]>>;
}

/** Nest injection token of the `HeldEntitlements` in use. */
export const HELD_ENTITLEMENTS = Symbol('HELD_ENTITLEMENTS');

/**
 * What the workflow service assigned: policy's copy of the published assignment events
 * (`policy_assignments`), every source alike (birthright, requests, reviews, adopted drift); an
 * assignment is held from its addition until its revocation, whatever provisioning says.
 */
export class AssignmentsAsHeldEntitlements implements HeldEntitlements {
  constructor(private readonly db: Queryable) {}

  heldBy(subjects: readonly PolicySubject[]): Promise<ReadonlyMap<string, readonly HeldEntitlement[]>> {
    return heldEntitlementsOf(
      this.db,
      subjects.map((subject) => subject.identityId),
    );
  }
}

/** One subject's held entitlements through the port. */
export async function heldByOne(
  held: HeldEntitlements,
  subject: PolicySubject,
  latest: CompiledPolicy,
): Promise<readonly HeldEntitlement[]> {
  return (await held.heldBy([subject], latest)).get(subject.identityId) ?? [];
}
