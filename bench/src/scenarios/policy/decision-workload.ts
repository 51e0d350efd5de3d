import {
  birthrightFor,
  checkSod,
  entitlementKey,
  type AccessRequestInput,
  type CompiledPolicy,
  type EntitlementRef,
  type HeldEntitlement,
  type PolicySubject,
  type SodException,
} from '@tenure/policy-decisions';
import { personAt } from './organisation';
import { SeededRandom } from './seeded-random';

/** The instant every decision of the benchmark is taken at. */
export const BENCH_NOW = '2026-11-25T12:00:00.000Z';

export interface DecisionWorkload {
  readonly subject: PolicySubject;
  /** Their birthright, then other entitlements drawn from the catalog, `heldAssignments` in all. */
  readonly held: readonly HeldEntitlement[];
  readonly birthrightCount: number;
  /** Exceptions for half of the require-exception rules they violate: the waived path is exercised too. */
  readonly exceptions: readonly SodException[];
  /** Requests for entitlements they do not hold, cycled through by the timed loop. */
  readonly requests: readonly AccessRequestInput[];
}

/** The identity with 200 assignments whose requests and SoD checks are timed. */
export function decisionWorkload(
  policy: CompiledPolicy,
  catalog: readonly EntitlementRef[],
  heldAssignments: number,
  seed = 99,
): DecisionWorkload {
  const random = new SeededRandom(seed);
  let index = 4242;
  while (personAt(index).status !== 'active') index++;
  const subject = personAt(index);
  const birthright = birthrightFor(policy, subject)
    .entitlements.map((e) => e.entitlement)
    .slice(0, heldAssignments);
  const chosen = new Map(birthright.map((ref) => [entitlementKey(ref), ref]));
  while (chosen.size < heldAssignments) {
    const ref = random.pick(catalog);
    chosen.set(entitlementKey(ref), ref);
  }
  const held = [...chosen.values()].map((entitlement, i) => ({
    entitlement,
    source: i < birthright.length ? 'birthright' : `request ${i}`,
  }));

  const violations = checkSod(policy, subject, held, [], BENCH_NOW).violations;
  const exceptions = violations
    .filter((violation, i) => violation.action === 'require-exception' && i % 2 === 0)
    .map((violation) => ({
      exceptionId: `exception-${violation.ruleId}`,
      ruleId: violation.ruleId,
      identityId: subject.identityId,
      approvedBy: subject.managerChain[0] ?? 'admin',
      reason: 'compensating control',
      validUntil: '2027-06-30T00:00:00.000Z',
    }));

  const requests: AccessRequestInput[] = [];
  while (requests.length < 1000) {
    const entitlement = random.pick(catalog);
    if (chosen.has(entitlementKey(entitlement))) continue;
    requests.push({
      subject,
      requesterEmployeeNumber: random.chance(0.8) ? subject.employeeNumber : subject.managerChain[0]!,
      entitlement,
      durationHours: random.pick([1, 4, 8, 72, null]),
      breakGlass: random.chance(0.05),
      held,
      exceptions,
      peers: { peerGroup: 'department', peers: 40, holding: random.int(0, 40) },
      now: BENCH_NOW,
    });
  }
  return { subject, held, birthrightCount: birthright.length, exceptions, requests };
}
