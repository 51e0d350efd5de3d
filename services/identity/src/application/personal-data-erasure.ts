import { DomainError, type Actor } from '@tenure/event-sourcing';
import type { PersonalDataKeys } from '@tenure/personal-data';
import type { Queryable } from '../read-model/identity-directory.queries';
import { identityById } from '../read-model/identity-directory.queries';
import type { IdentityCommands } from './identity-commands';
import { identityStreamId } from './identity-streams';

export interface PersonalDataErasureDependencies {
  readonly commands: IdentityCommands;
  /** The event store's key table (PostgresEventStore.personalData.keys). */
  readonly keys: Pick<PersonalDataKeys, 'destroy'>;
  /** The directory, to find the employee number (the stream) of an identity id. */
  readonly directory: Queryable;
  readonly directoryCaughtUp?: () => Promise<void>;
}

export interface PersonalDataErasureOutcome {
  readonly identityId: string;
  readonly employeeNumber: string;
  /** False when it had been erased before (only the key destruction ran again). */
  readonly recorded: boolean;
  readonly destroyedKeyIds: readonly string[];
}

/**
 * Erasure on legal request (crypto-shredding): records PersonalDataErased on the person's stream,
 * then destroys their data key. The event comes first so read models blank their copies even if
 * the destruction fails; the command is idempotent, so running it again finishes the destruction.
 */
export class PersonalDataErasure {
  constructor(private readonly deps: PersonalDataErasureDependencies) {}

  async erase(identityId: string, legalReference: string, actor: Actor, correlationId?: string): Promise<PersonalDataErasureOutcome> {
    await this.deps.directoryCaughtUp?.();
    const row = await identityById(this.deps.directory, identityId);
    if (!row) throw new DomainError('not_found', `identity ${identityId} is not known: nothing to erase`, { identityId });
    const employeeNumber = row.employee_number;
    const result = await this.deps.commands.erasePersonalData(employeeNumber, legalReference, { actor, correlationId });
    const destroyed = await this.deps.keys.destroy(identityStreamId(employeeNumber), `erased on legal request: ${legalReference.trim()}`);
    return { identityId, employeeNumber, recorded: result.events.length > 0, destroyedKeyIds: destroyed.keyIds };
  }
}
