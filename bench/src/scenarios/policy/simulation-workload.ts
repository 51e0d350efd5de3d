import {
  birthrightFor,
  entitlementKey,
  type CompiledPolicy,
  type EntitlementRef,
  type HeldEntitlement,
  type SodException,
} from '@tenure/policy-decisions';
import { now } from '../../measure/timing';
import { personAt } from './organisation';

export interface SimulationWorkload {
  readonly heldOf: (identityId: string) => readonly HeldEntitlement[];
  readonly exceptionsOf: (identityId: string) => readonly SodException[];
  readonly prepareMs: number;
  readonly averageHeld: number;
}

const NO_EXCEPTIONS: readonly SodException[] = [];
/** Requested (non-birthright) entitlements per identity, on top of their birthright. */
const EXTRA_PER_IDENTITY = 3;

/**
 * What every identity holds before the change, as workflow's assignment read model would say: their
 * birthright under the current version plus a few requested entitlements. Prepared before the clock
 * starts (the simulation only reads it); entitlement objects are shared between identities, as a
 * read model's cache would share them, so 100,000 identities fit in memory.
 */
export function simulationWorkload(current: CompiledPolicy, size: number, extras: readonly EntitlementRef[]): SimulationWorkload {
  const started = now();
  const shared = new Map<string, HeldEntitlement>();
  const heldEntitlement = (entitlement: EntitlementRef): HeldEntitlement => {
    const key = entitlementKey(entitlement);
    let entry = shared.get(key);
    if (entry === undefined) {
      entry = { entitlement, source: 'bench' };
      shared.set(key, entry);
    }
    return entry;
  };
  const heldById = new Map<string, HeldEntitlement[]>();
  let total = 0;
  for (let index = 0; index < size; index++) {
    const person = personAt(index);
    const held = birthrightFor(current, person).entitlements.map((e) => heldEntitlement(e.entitlement));
    for (let extra = 0; extra < EXTRA_PER_IDENTITY; extra++)
      held.push(heldEntitlement(extras[(index * 31 + extra * 977) % extras.length]!));
    heldById.set(person.identityId, held);
    total += held.length;
  }
  return {
    heldOf: (identityId) => heldById.get(identityId) ?? [],
    exceptionsOf: () => NO_EXCEPTIONS,
    prepareMs: now() - started,
    averageHeld: size > 0 ? total / size : 0,
  };
}
