import { Injectable } from '@nestjs/common';
import { CallerGuard } from '@tenure/service-runtime';
import { GraphQLJSON } from 'graphql-scalars';
import { Arg, ID, Mutation, Query, Resolver } from 'type-graphql';
import { PolicyAdministration } from '../../application/policy-administration';
import { PolicyQueries } from '../../application/policy-queries';
import { AccessPolicyInput, ApproverGroupInput, BirthrightRuleInput, RoleInput, SodRuleInput } from '../policy-set/policy-items.input';
import {
  accessPolicyDocument,
  approverGroupDocument,
  birthrightRuleDocument,
  roleDocument,
  sodRuleDocument,
} from '../policy-set/policy-items.input-mapper';
import { toPolicyDraft } from './policy-draft.mapper';
import { PolicyDraft } from './policy-draft.type';

const ADMIN = 'Needs Authorization: Bearer <administrator token>.';
const INVALID = 'An invalid item is refused with BAD_USER_INPUT; `extensions.details.problems` names each rule and field that is wrong.';

/**
 * The policy draft: open to read like the other policy queries until OIDC and roles arrive
 * (issue 7); every edit needs an administrator token (ADMIN_TOKENS).
 */
@Injectable()
@Resolver(() => PolicyDraft)
export class PolicyDraftResolver {
  constructor(
    private readonly administration: PolicyAdministration,
    private readonly queries: PolicyQueries,
    private readonly guard: CallerGuard,
  ) {}

  @Query(() => PolicyDraft, { description: 'The policy administrators are editing.' })
  async policyDraft(): Promise<PolicyDraft> {
    this.guard.requireReader('policyDraft');
    return toPolicyDraft(await this.queries.draft());
  }

  @Mutation(() => PolicyDraft, {
    description: `Replaces the whole draft with a policy document (roles, birthrightRules, sodRules, accessPolicies, approverGroups). ${INVALID} ${ADMIN}`,
  })
  async replacePolicyDraft(@Arg('document', () => GraphQLJSON) document: unknown): Promise<PolicyDraft> {
    const actor = this.guard.requireAdministrator('replacePolicyDraft');
    return toPolicyDraft(await this.administration.replaceDraft(document, actor));
  }

  @Mutation(() => PolicyDraft, { description: `Adds a role to the draft, or replaces the one with the same id. ${INVALID} ${ADMIN}` })
  async putRole(@Arg('role', () => RoleInput) role: RoleInput): Promise<PolicyDraft> {
    const actor = this.guard.requireAdministrator('putRole');
    return toPolicyDraft(await this.administration.putRole(roleDocument(role), actor));
  }

  @Mutation(() => PolicyDraft, { description: `Removes a role from the draft. ${ADMIN}` })
  async removeRole(@Arg('id', () => ID) id: string): Promise<PolicyDraft> {
    const actor = this.guard.requireAdministrator('removeRole');
    return toPolicyDraft(await this.administration.removeRole(id, actor));
  }

  @Mutation(() => PolicyDraft, {
    description: `Adds a birthright rule to the draft, or replaces the one with the same id. ${INVALID} ${ADMIN}`,
  })
  async putBirthrightRule(@Arg('rule', () => BirthrightRuleInput) rule: BirthrightRuleInput): Promise<PolicyDraft> {
    const actor = this.guard.requireAdministrator('putBirthrightRule');
    return toPolicyDraft(await this.administration.putBirthrightRule(birthrightRuleDocument(rule), actor));
  }

  @Mutation(() => PolicyDraft, { description: `Removes a birthright rule from the draft. ${ADMIN}` })
  async removeBirthrightRule(@Arg('id', () => ID) id: string): Promise<PolicyDraft> {
    const actor = this.guard.requireAdministrator('removeBirthrightRule');
    return toPolicyDraft(await this.administration.removeBirthrightRule(id, actor));
  }

  @Mutation(() => PolicyDraft, {
    description: `Adds a separation-of-duties rule to the draft, or replaces the one with the same id. ${INVALID} ${ADMIN}`,
  })
  async putSodRule(@Arg('rule', () => SodRuleInput) rule: SodRuleInput): Promise<PolicyDraft> {
    const actor = this.guard.requireAdministrator('putSodRule');
    return toPolicyDraft(await this.administration.putSodRule(sodRuleDocument(rule), actor));
  }

  @Mutation(() => PolicyDraft, { description: `Removes a separation-of-duties rule from the draft. ${ADMIN}` })
  async removeSodRule(@Arg('id', () => ID) id: string): Promise<PolicyDraft> {
    const actor = this.guard.requireAdministrator('removeSodRule');
    return toPolicyDraft(await this.administration.removeSodRule(id, actor));
  }

  @Mutation(() => PolicyDraft, {
    description: `Adds an access policy to the draft, or replaces the one with the same id. ${INVALID} ${ADMIN}`,
  })
  async putAccessPolicy(@Arg('policy', () => AccessPolicyInput) policy: AccessPolicyInput): Promise<PolicyDraft> {
    const actor = this.guard.requireAdministrator('putAccessPolicy');
    return toPolicyDraft(await this.administration.putAccessPolicy(accessPolicyDocument(policy), actor));
  }

  @Mutation(() => PolicyDraft, { description: `Removes an access policy from the draft. ${ADMIN}` })
  async removeAccessPolicy(@Arg('id', () => ID) id: string): Promise<PolicyDraft> {
    const actor = this.guard.requireAdministrator('removeAccessPolicy');
    return toPolicyDraft(await this.administration.removeAccessPolicy(id, actor));
  }

  @Mutation(() => PolicyDraft, {
    description: `Adds an approver group to the draft, or replaces the one with the same id. ${INVALID} ${ADMIN}`,
  })
  async putApproverGroup(@Arg('group', () => ApproverGroupInput) group: ApproverGroupInput): Promise<PolicyDraft> {
    const actor = this.guard.requireAdministrator('putApproverGroup');
    return toPolicyDraft(await this.administration.putApproverGroup(approverGroupDocument(group), actor));
  }

  @Mutation(() => PolicyDraft, { description: `Removes an approver group from the draft. ${ADMIN}` })
  async removeApproverGroup(@Arg('id', () => ID) id: string): Promise<PolicyDraft> {
    const actor = this.guard.requireAdministrator('removeApproverGroup');
    return toPolicyDraft(await this.administration.removeApproverGroup(id, actor));
  }

  @Mutation(() => PolicyDraft, { description: `Drops every edit: the draft is the latest published version again. ${ADMIN}` })
  async discardPolicyDraft(): Promise<PolicyDraft> {
    const actor = this.guard.requireAdministrator('discardPolicyDraft');
    return toPolicyDraft(await this.administration.discardDraft(actor));
  }
}
