import { commandHandler, DomainError, type Actor, type Clock, type EventStore, type IdGenerator } from '@tenure/event-sourcing';
import {
  validateAccessPolicy,
  validateApproverGroup,
  validateBirthrightRule,
  validatePolicySet,
  validateRole,
  validateSodRule,
  type ItemValidation,
  type PolicyVersion,
  type SodException,
} from '@tenure/policy-decisions';
import type { Pool } from 'pg';
import { invalidPolicy, policySetDecider, type PolicyPublished, type PolicySetCommand } from '../domain/policy-set';
import { sodExceptionDecider, type SodExceptionGranted } from '../domain/sod-exception';
import { findSubject } from '../read-model/policy-identities/policy-subjects';
import { latestPolicyVersion } from '../read-model/policy-versions/policy-versions.queries';
import { draftViewOf, type PolicyDraftView } from './policy-draft-view';
import { POLICY_SET_STREAM, sodExceptionStreamId } from './policy-streams';

export type { PolicyDraftView } from './policy-draft-view';

export interface PolicyAdministrationDependencies {
  readonly store: EventStore;
  /** The read models' database: published versions and identities, for granting exceptions. */
  readonly pool: Pool;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Waits until the read models have applied everything committed so far. */
  readonly readModelsCaughtUp: () => Promise<void>;
}

export interface SodExceptionRequest {
  readonly ruleId: string;
  readonly identityId: string;
  readonly reason: string;
  /** ISO instant, in the future and at most 365 days ahead. */
  readonly validUntil: string;
}

/**
 * What administrators do to the policy: edit the draft (each input validated with the policy's own
 * validation, naming the rule and field), publish it, grant and revoke SoD exceptions. Refusals are
 * DomainErrors; the policy set decider keeps the draft valid as a whole after every edit.
 */
export class PolicyAdministration {
  private readonly handlePolicySet;
  private readonly handleException;

  constructor(private readonly deps: PolicyAdministrationDependencies) {
    this.handlePolicySet = commandHandler(deps.store, policySetDecider, { ids: deps.ids });
    this.handleException = commandHandler(deps.store, sodExceptionDecider, { ids: deps.ids });
  }

  /** The whole draft from a document (e.g. a JSON file). */
  async replaceDraft(document: unknown, actor: Actor): Promise<PolicyDraftView> {
    const checked = validatePolicySet(document);
    if (!checked.ok) throw invalidPolicy('the policy document is not valid', checked.problems);
    return this.edit((edit) => ({ type: 'ReplaceDraft', data: { policy: checked.policy, ...edit } }), actor);
  }

  async putRole(role: unknown, actor: Actor): Promise<PolicyDraftView> {
    const value = valid(validateRole(role), 'role');
    return this.edit((edit) => ({ type: 'PutRole', data: { role: value, ...edit } }), actor);
  }

  async removeRole(id: string, actor: Actor): Promise<PolicyDraftView> {
    return this.edit((edit) => ({ type: 'RemoveRole', data: { id, ...edit } }), actor);
  }

  async putBirthrightRule(rule: unknown, actor: Actor): Promise<PolicyDraftView> {
    const value = valid(validateBirthrightRule(rule), 'birthright rule');
    return this.edit((edit) => ({ type: 'PutBirthrightRule', data: { rule: value, ...edit } }), actor);
  }

  async removeBirthrightRule(id: string, actor: Actor): Promise<PolicyDraftView> {
    return this.edit((edit) => ({ type: 'RemoveBirthrightRule', data: { id, ...edit } }), actor);
  }

  async putSodRule(rule: unknown, actor: Actor): Promise<PolicyDraftView> {
    const value = valid(validateSodRule(rule), 'SoD rule');
    return this.edit((edit) => ({ type: 'PutSodRule', data: { rule: value, ...edit } }), actor);
  }

  async removeSodRule(id: string, actor: Actor): Promise<PolicyDraftView> {
    return this.edit((edit) => ({ type: 'RemoveSodRule', data: { id, ...edit } }), actor);
  }

  async putAccessPolicy(policy: unknown, actor: Actor): Promise<PolicyDraftView> {
    const value = valid(validateAccessPolicy(policy), 'access policy');
    return this.edit((edit) => ({ type: 'PutAccessPolicy', data: { policy: value, ...edit } }), actor);
  }

  async removeAccessPolicy(id: string, actor: Actor): Promise<PolicyDraftView> {
    return this.edit((edit) => ({ type: 'RemoveAccessPolicy', data: { id, ...edit } }), actor);
  }

  async putApproverGroup(group: unknown, actor: Actor): Promise<PolicyDraftView> {
    const value = valid(validateApproverGroup(group), 'approver group');
    return this.edit((edit) => ({ type: 'PutApproverGroup', data: { group: value, ...edit } }), actor);
  }

  async removeApproverGroup(id: string, actor: Actor): Promise<PolicyDraftView> {
    return this.edit((edit) => ({ type: 'RemoveApproverGroup', data: { id, ...edit } }), actor);
  }

  /** Back to the latest version; an untouched draft stays as it is. */
  async discardDraft(actor: Actor): Promise<PolicyDraftView> {
    return this.edit((edit) => ({ type: 'DiscardDraft', data: edit }), actor);
  }

  /** The draft becomes the next version. */
  async publish(note: string, actor: Actor): Promise<PolicyVersion> {
    const now = this.deps.clock.now();
    const result = await this.handlePolicySet(
      POLICY_SET_STREAM,
      { type: 'PublishDraft', data: { note, by: actor.id, now } },
      this.context(actor, now),
    );
    const published = result.events.find((event): event is PolicyPublished => event.type === 'PolicyPublished')!.data;
    return {
      version: published.version,
      publishedAt: published.publishedAt,
      publishedBy: published.publishedBy,
      note: published.note,
      policy: published.policy,
    };
  }

  /**
   * A waiver of one SoD rule of the latest published version for one identity. A `block` rule is
   * never waived (the decisions ignore exceptions for it), so an exception for one is refused.
   */
  async grantSodException(input: SodExceptionRequest, actor: Actor): Promise<SodException> {
    await this.deps.readModelsCaughtUp();
    const latest = await latestPolicyVersion(this.deps.pool);
    if (!latest) throw new DomainError('not_found', 'no policy is published yet, so there is no SoD rule to make an exception to');
    const rule = latest.policy.sodRules.find((candidate) => candidate.id === input.ruleId);
    if (!rule) {
      throw new DomainError('not_found', `SoD rule "${input.ruleId}" is not in the published policy (version ${latest.version})`, {
        field: 'ruleId',
        ruleId: input.ruleId,
      });
    }
    if (rule.action === 'block') {
      throw new DomainError('validation', `SoD rule "${rule.id}" blocks without exception: an exception to it would waive nothing`, {
        field: 'ruleId',
        ruleId: rule.id,
      });
    }
    const subject = await findSubject(this.deps.pool, { identityId: input.identityId });
    if (!subject) throw new DomainError('not_found', `identity ${input.identityId} is not known`, { field: 'identityId' });
    if (subject.status === 'terminated') {
      throw new DomainError('illegal_state', `employee ${subject.employeeNumber} has left: an SoD exception would waive nothing`, {
        field: 'identityId',
      });
    }

    const exceptionId = this.deps.ids.newId();
    const now = this.deps.clock.now();
    const result = await this.handleException(
      sodExceptionStreamId(exceptionId),
      {
        type: 'GrantSodException',
        data: {
          exceptionId,
          ruleId: rule.id,
          identityId: subject.identityId,
          identityEmployeeNumber: subject.employeeNumber,
          reason: input.reason,
          validUntil: input.validUntil,
          by: actor.id,
          now,
        },
      },
      this.context(actor, now),
    );
    const granted = result.events.find((event): event is SodExceptionGranted => event.type === 'SodExceptionGranted')!;
    const { grantedAt: _grantedAt, ...exception } = granted.data;
    return exception;
  }

  async revokeSodException(exceptionId: string, reason: string, actor: Actor): Promise<void> {
    const now = this.deps.clock.now();
    await this.handleException(
      sodExceptionStreamId(exceptionId),
      { type: 'RevokeSodException', data: { exceptionId, reason, by: actor.id, now } },
      this.context(actor, now),
    );
  }

  private async edit(command: (edit: { by: string; now: Date }) => PolicySetCommand, actor: Actor): Promise<PolicyDraftView> {
    const now = this.deps.clock.now();
    const result = await this.handlePolicySet(POLICY_SET_STREAM, command({ by: actor.id, now }), this.context(actor, now));
    return draftViewOf(result.state);
  }

  private context(actor: Actor, now: Date) {
    const commandId = this.deps.ids.newId();
    return { commandId, actor, now };
  }
}

function valid<T>(validation: ItemValidation<T>, what: string): T {
  if (!validation.ok) throw invalidPolicy(`the ${what} is not valid`, validation.problems);
  return validation.value;
}
