import { Injectable } from '@nestjs/common';
import { CallerGuard } from '@tenure/service-runtime';
import { Arg, ID, Mutation, Query, Resolver } from 'type-graphql';
import { PolicyAdministration } from '../../application/policy-administration';
import { PolicyQueries } from '../../application/policy-queries';
import { toDetectedViolation, toSodException } from '../decisions/decision.mapper';
import { DetectedViolation } from '../decisions/sod-violation.type';
import { SodException } from './sod-exception.type';

/**
 * Detected separation-of-duties violations and the exceptions that waive them: open to read until
 * OIDC and roles arrive (issue 7); granting and revoking need an administrator token.
 */
@Injectable()
@Resolver(() => SodException)
export class SodResolver {
  constructor(
    private readonly administration: PolicyAdministration,
    private readonly queries: PolicyQueries,
    private readonly guard: CallerGuard,
  ) {}

  @Query(() => [DetectedViolation], {
    description: 'Violations detective checking found and that are not resolved, by employee number then rule.',
  })
  async sodViolations(
    @Arg('identityId', () => ID, { nullable: true }) identityId: string | null,
    @Arg('ruleId', () => String, { nullable: true }) ruleId: string | null,
  ): Promise<DetectedViolation[]> {
    this.guard.requireReader('sodViolations');
    const detected = await this.queries.violations({ ...(identityId ? { identityId } : {}), ...(ruleId ? { ruleId } : {}) });
    return detected.map(toDetectedViolation);
  }

  @Query(() => [SodException], { description: 'Exceptions, newest grant first; active ones only unless includeInactive.' })
  async sodExceptions(
    @Arg('identityId', () => ID, { nullable: true }) identityId: string | null,
    @Arg('ruleId', () => String, { nullable: true }) ruleId: string | null,
    @Arg('includeInactive', () => Boolean, { defaultValue: false, description: 'Also expired and revoked ones.' }) includeInactive: boolean,
  ): Promise<SodException[]> {
    this.guard.requireReader('sodExceptions');
    const exceptions = await this.queries.exceptions({
      ...(identityId ? { identityId } : {}),
      ...(ruleId ? { ruleId } : {}),
      includeInactive,
    });
    return exceptions.map((exception) => toSodException(exception, exception.status));
  }

  @Mutation(() => SodException, {
    description:
      'Waives a separation-of-duties rule of the published policy for one identity until validUntil. A BLOCK rule cannot be waived. ' +
      'Needs Authorization: Bearer <administrator token>.',
  })
  async grantSodException(
    @Arg('ruleId', () => String) ruleId: string,
    @Arg('identityId', () => ID) identityId: string,
    @Arg('reason', () => String) reason: string,
    @Arg('validUntil', () => Date, { description: 'When the waiver ends.' }) validUntil: Date,
  ): Promise<SodException> {
    const actor = this.guard.requireAdministrator('grantSodException');
    const granted = await this.administration.grantSodException(
      { ruleId, identityId, reason, validUntil: validUntil.toISOString() },
      actor,
    );
    return toSodException(granted);
  }

  @Mutation(() => Boolean, { description: 'Ends an exception now; true once revoked. Needs Authorization: Bearer <administrator token>.' })
  async revokeSodException(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string): Promise<boolean> {
    const actor = this.guard.requireAdministrator('revokeSodException');
    await this.administration.revokeSodException(id, reason, actor);
    return true;
  }
}
