import type { DomainEvent } from '@tenure/event-sourcing';
import {
  EMPTY_POLICY_SET,
  type AccessPolicy,
  type ApproverGroup,
  type BirthrightRule,
  type PolicySet,
  type Role,
  type SodRule,
} from '@tenure/policy-decisions';
import { assertNever } from '../assert-never';
import { POLICY_PARTS, putPart, removePart, type PolicyPartKind } from './policy-parts';

// The policy set: one aggregate, one stream. Administrators edit a draft, one granular event per
// edit; publishing records the whole policy as a new immutable version. Plain, JSON-serialisable data.

interface Edit {
  readonly by: string;
  readonly at: string;
}

export type DraftReplaced = DomainEvent<'DraftReplaced', Edit & { readonly policy: PolicySet }>;
export type DraftRolePut = DomainEvent<'DraftRolePut', Edit & { readonly role: Role }>;
export type DraftRoleRemoved = DomainEvent<'DraftRoleRemoved', Edit & { readonly id: string }>;
export type DraftBirthrightRulePut = DomainEvent<'DraftBirthrightRulePut', Edit & { readonly rule: BirthrightRule }>;
export type DraftBirthrightRuleRemoved = DomainEvent<'DraftBirthrightRuleRemoved', Edit & { readonly id: string }>;
export type DraftSodRulePut = DomainEvent<'DraftSodRulePut', Edit & { readonly rule: SodRule }>;
export type DraftSodRuleRemoved = DomainEvent<'DraftSodRuleRemoved', Edit & { readonly id: string }>;
export type DraftAccessPolicyPut = DomainEvent<'DraftAccessPolicyPut', Edit & { readonly policy: AccessPolicy }>;
export type DraftAccessPolicyRemoved = DomainEvent<'DraftAccessPolicyRemoved', Edit & { readonly id: string }>;
export type DraftApproverGroupPut = DomainEvent<'DraftApproverGroupPut', Edit & { readonly group: ApproverGroup }>;
export type DraftApproverGroupRemoved = DomainEvent<'DraftApproverGroupRemoved', Edit & { readonly id: string }>;
/** The draft is back to the latest version (empty before the first). */
export type DraftDiscarded = DomainEvent<'DraftDiscarded', Edit>;
export type PolicyPublished = DomainEvent<
  'PolicyPublished',
  {
    readonly version: number;
    readonly policy: PolicySet;
    readonly note: string;
    readonly publishedBy: string;
    readonly publishedAt: string;
  }
>;

export type DraftPartPut = DraftRolePut | DraftBirthrightRulePut | DraftSodRulePut | DraftAccessPolicyPut | DraftApproverGroupPut;
export type DraftPartRemoved =
  DraftRoleRemoved | DraftBirthrightRuleRemoved | DraftSodRuleRemoved | DraftAccessPolicyRemoved | DraftApproverGroupRemoved;

export type PolicySetEvent = DraftReplaced | DraftPartPut | DraftPartRemoved | DraftDiscarded | PolicyPublished;

// ---------------------------------------------------------------- state

export interface PublishedPolicy {
  readonly version: number;
  readonly policy: PolicySet;
}

/**
 * There is always a draft: before the first publication it starts empty, after each one it is a
 * copy of the version just published. `lastEdit` is the latest edit since then (null: untouched).
 */
export interface PolicySetState {
  readonly latest: PublishedPolicy | null;
  readonly draft: PolicySet;
  readonly lastEdit: Edit | null;
}

export function initialState(): PolicySetState {
  return { latest: null, draft: EMPTY_POLICY_SET, lastEdit: null };
}

export function evolve(state: PolicySetState, event: PolicySetEvent): PolicySetState {
  switch (event.type) {
    case 'DraftReplaced':
      return edited(state, event.data.policy, event.data);
    case 'DraftRolePut':
      return edited(state, putPart(state.draft, 'role', event.data.role), event.data);
    case 'DraftBirthrightRulePut':
      return edited(state, putPart(state.draft, 'birthrightRule', event.data.rule), event.data);
    case 'DraftSodRulePut':
      return edited(state, putPart(state.draft, 'sodRule', event.data.rule), event.data);
    case 'DraftAccessPolicyPut':
      return edited(state, putPart(state.draft, 'accessPolicy', event.data.policy), event.data);
    case 'DraftApproverGroupPut':
      return edited(state, putPart(state.draft, 'approverGroup', event.data.group), event.data);
    case 'DraftRoleRemoved':
    case 'DraftBirthrightRuleRemoved':
    case 'DraftSodRuleRemoved':
    case 'DraftAccessPolicyRemoved':
    case 'DraftApproverGroupRemoved':
      return edited(state, removePart(state.draft, kindOfRemoval(event.type), event.data.id), event.data);
    case 'DraftDiscarded':
      return { ...state, draft: state.latest?.policy ?? EMPTY_POLICY_SET, lastEdit: null };
    case 'PolicyPublished': {
      const { version, policy } = event.data;
      return { latest: { version, policy }, draft: policy, lastEdit: null };
    }
    default:
      return assertNever(event);
  }
}

function edited(state: PolicySetState, draft: PolicySet, edit: Edit): PolicySetState {
  return { ...state, draft, lastEdit: { by: edit.by, at: edit.at } };
}

function kindOfRemoval(type: DraftPartRemoved['type']): PolicyPartKind {
  return POLICY_PARTS.find((part) => part.removedEvent === type)!.kind;
}
