import { birthrightFor, type CompiledPolicy, type HeldEntitlement, type PolicySubject } from '@tenure/policy-decisions';

/**
 * What identities hold now: the input of SoD checks, request evaluations (conflicts with current
 * access, peer adoption) and simulations. A port, because the source will change: today nothing
 * records assignments yet, so what someone holds is taken to be their birthright under the latest
 * published version (`BirthrightAsHeldEntitlements`). Once the workflow service records assignments
 * (issue 6), an implementation over policy's copy of those assignments replaces it here, and nothing
 * else changes.
 */
export interface HeldEntitlements {
  /** What each subject holds, by identity id (an identity holding nothing may be missing from the map). */
  heldBy(subjects: readonly PolicySubject[], latest: CompiledPolicy): Promise<ReadonlyMap<string, readonly HeldEntitlement[]>>;
}

/** Nest injection token of the `HeldEntitlements` in use. */
export const HELD_ENTITLEMENTS = Symbol('HELD_ENTITLEMENTS');

/** Interim (until issue 6): an identity holds exactly its birthright under the latest published version. */
export class BirthrightAsHeldEntitlements implements HeldEntitlements {
  async heldBy(subjects: readonly PolicySubject[], latest: CompiledPolicy): Promise<ReadonlyMap<string, readonly HeldEntitlement[]>> {
    const held = new Map<string, readonly HeldEntitlement[]>();
    for (const subject of subjects) {
      const birthright = birthrightFor(latest, subject);
      held.set(
        subject.identityId,
        birthright.entitlements.map(({ entitlement, reasons }) => ({
          entitlement,
          source: `birthright: ${[...new Set(reasons.map((reason) => reason.ruleName))].join(', ')}`,
        })),
      );
    }
    return held;
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
