import type { CompiledPolicy } from '../decisions/compiled-policy';
import type { HeldEntitlement, PolicySubject, SodException } from '../model/subject';

export interface SimulationInput {
  /** The published version; null before the first one (everything the draft grants is then added). */
  readonly current: CompiledPolicy | null;
  readonly draft: CompiledPolicy;
  /** Every identity; terminated ones are skipped. Iterated once, so a generator streaming from a read model works. */
  readonly subjects: Iterable<PolicySubject>;
  /** What each identity holds now (birthright and everything else), as the assignment read model says. */
  readonly heldOf: (identityId: string) => readonly HeldEntitlement[];
  readonly exceptionsOf: (identityId: string) => readonly SodException[];
  /** ISO instant: which SoD exceptions are still valid. */
  readonly now: string;
}
