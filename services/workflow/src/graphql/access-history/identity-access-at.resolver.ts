import { Injectable } from '@nestjs/common';
import { CallerGuard } from '@tenure/service-runtime';
import { Arg, FieldResolver, Resolver, Root } from 'type-graphql';
import { AccessHistoryQueries } from '../../application/access-history-queries';
import { Identity } from '../identity/identity.type';
import { HeldBasis } from './held-basis.enum';
import { toHeldAtTime } from './held-at-time.mapper';
import { HeldAtTime } from './held-at-time.type';

/** Everything a person held at a past instant, for administrators and auditors. */
@Injectable()
@Resolver(() => Identity)
export class IdentityAccessAtResolver {
  constructor(
    private readonly history: AccessHistoryQueries,
    private readonly callers: CallerGuard,
  ) {}

  @FieldResolver(() => [HeldAtTime], {
    description:
      'Everything the person held at `at` (administrators and auditors only), each with why and since when. ' +
      'Held (default IN_APPLICATION): from the application’s acknowledgement of the grant (inclusive) to its acknowledgement of the removal (exclusive).',
  })
  async accessAt(
    @Root() identity: Identity,
    @Arg('at') at: Date,
    // Nullable rather than a schema default: the federated schema is rebuilt from SDL, which loses an enum default's internal value.
    @Arg('basis', () => HeldBasis, { nullable: true, description: 'What "held" means; null or absent: IN_APPLICATION.' })
    basis: HeldBasis | null,
  ): Promise<HeldAtTime[]> {
    this.callers.requireReader(`reading what ${identity.id} held at a time`);
    const held = await this.history.accessAt(identity.id, at, basis ?? HeldBasis.IN_APPLICATION);
    return held.map(toHeldAtTime);
  }
}
