import { Injectable } from '@nestjs/common';
import { DomainError } from '@tenure/event-sourcing';
import { CallerGuard } from '@tenure/service-runtime';
import { Arg, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PolicyAdministration } from '../../application/policy-administration';
import { PolicyQueries } from '../../application/policy-queries';
import { toPolicySet } from '../policy-set/policy-set.mapper';
import { PolicySet } from '../policy-set/policy-set.type';
import { toPolicyVersion } from './policy-version.mapper';
import { PolicyVersion } from './policy-version.type';

/** Published versions: open to read until OIDC and roles arrive (issue 7); publishing needs an administrator token. */
@Injectable()
@Resolver(() => PolicyVersion)
export class PolicyVersionsResolver {
  constructor(
    private readonly administration: PolicyAdministration,
    private readonly queries: PolicyQueries,
    private readonly guard: CallerGuard,
  ) {}

  @Query(() => [PolicyVersion], { description: 'Every published version, newest first.' })
  async policyVersions(): Promise<PolicyVersion[]> {
    this.guard.requireReader('policyVersions');
    return (await this.queries.versions()).map(toPolicyVersion);
  }

  @Query(() => PolicyVersion, {
    nullable: true,
    description: 'A published version; the latest when `version` is left out; null when there is none.',
  })
  async policyVersion(@Arg('version', () => Int, { nullable: true }) version: number | null | undefined): Promise<PolicyVersion | null> {
    this.guard.requireReader('policyVersion');
    const found = version === null || version === undefined ? await this.queries.latestVersion() : await this.queries.version(version);
    return found ? toPolicyVersion(found) : null;
  }

  @Mutation(() => PolicyVersion, {
    description:
      'Publishes the draft as the next version; decisions use it from then on. Run simulatePolicyDraft first to see what it changes. ' +
      'Needs Authorization: Bearer <administrator token>.',
  })
  async publishPolicyDraft(
    @Arg('note', () => String, { description: 'Why, for the people who read the history.' }) note: string,
  ): Promise<PolicyVersion> {
    const actor = this.guard.requireAdministrator('publishPolicyDraft');
    return toPolicyVersion(await this.administration.publish(note, actor));
  }

  @FieldResolver(() => PolicySet, { description: 'The policy as published.' })
  async policy(@Root() version: PolicyVersion): Promise<PolicySet> {
    if (version.policy) return version.policy;
    const found = await this.queries.version(version.version);
    if (!found)
      throw new DomainError('not_found', `policy version ${version.version} is not in the read model`, { version: version.version });
    return toPolicySet(found.policy);
  }
}
