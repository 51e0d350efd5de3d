import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DomainError } from '@tenure/event-sourcing';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import { CallerGuard, EVENT_STORE } from '@tenure/service-runtime';
import { Arg, ID, Mutation, Resolver } from 'type-graphql';
import { IdentityBackground } from '../../application/identity-background';
import { IdentityCommands } from '../../application/identity-commands';
import { PersonalDataErasure } from '../../application/personal-data-erasure';
import { identityById } from '../../read-model/identity-directory.queries';
import { toIdentity } from '../identity.mapper';
import { Identity } from '../identity.type';

/** Erasure of a former employee's personal data on legal request (docs/personal-data.md). Administrators only. */
@Injectable()
@Resolver(() => Identity)
export class PersonalDataErasureResolver {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly callers: CallerGuard,
    private readonly moduleRef: ModuleRef,
  ) {}

  // The commands and the background belong to the application module: looked up when needed.
  private get background(): IdentityBackground {
    return this.moduleRef.get(IdentityBackground, { strict: false });
  }

  @Mutation(() => Identity, {
    description:
      'Erases the personal data (names, email, custom attributes, leave and termination reasons) of a former employee on legal ' +
      'request: their data key is destroyed, so the log keeps its events and hashes but those fields read as "[erased]" everywhere. ' +
      'Refused while the person is employed. Needs an administrator.',
  })
  async erasePersonalData(
    @Arg('identityId', () => ID) identityId: string,
    @Arg('legalReference', () => String, { description: 'The request this answers (case number, legal basis); no personal data.' })
    legalReference: string,
  ): Promise<Identity> {
    const actor = this.callers.requireAdministrator('erasePersonalData');
    const erasure = new PersonalDataErasure({
      commands: this.moduleRef.get(IdentityCommands, { strict: false }),
      keys: this.store.personalData.keys,
      directory: this.store.pool,
      directoryCaughtUp: () => this.background.directoryCaughtUp(),
    });
    await erasure.erase(identityId, legalReference, actor);
    await this.background.directoryCaughtUp();
    const row = await identityById(this.store.pool, identityId);
    if (!row) throw new DomainError('not_found', `identity ${identityId} is not in the directory after its erasure`, { identityId });
    return toIdentity(row);
  }
}
