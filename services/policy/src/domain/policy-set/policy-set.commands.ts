import { DomainError } from '@tenure/event-sourcing';
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
import { findPart, policyPart, putPart, removePart, type PolicyPartKind, type PolicyPartTypes } from './policy-parts';
import { assertValidDraft } from './policy-set-validation';
import type { PolicySetEvent, PolicySetState } from './policy-set.events';
import { canonicalJson } from '../canonical-json';
import { samePolicy } from './same-policy';

/** Who edits, and when: on every command. */
interface Edit {
  readonly by: string;
  readonly now: Date;
}

type Command<Type extends string, Data> = { readonly type: Type; readonly data: Data & Edit };

/** A whole document (already checked to be a PolicySet) becomes the draft. */
export type ReplaceDraft = Command<'ReplaceDraft', { readonly policy: PolicySet }>;
export type PutRole = Command<'PutRole', { readonly role: Role }>;
export type RemoveRole = Command<'RemoveRole', { readonly id: string }>;
export type PutBirthrightRule = Command<'PutBirthrightRule', { readonly rule: BirthrightRule }>;
export type RemoveBirthrightRule = Command<'RemoveBirthrightRule', { readonly id: string }>;
export type PutSodRule = Command<'PutSodRule', { readonly rule: SodRule }>;
export type RemoveSodRule = Command<'RemoveSodRule', { readonly id: string }>;
export type PutAccessPolicy = Command<'PutAccessPolicy', { readonly policy: AccessPolicy }>;
export type RemoveAccessPolicy = Command<'RemoveAccessPolicy', { readonly id: string }>;
export type PutApproverGroup = Command<'PutApproverGroup', { readonly group: ApproverGroup }>;
export type RemoveApproverGroup = Command<'RemoveApproverGroup', { readonly id: string }>;
export type DiscardDraft = Command<'DiscardDraft', object>;
export type PublishDraft = Command<'PublishDraft', { readonly note: string }>;

export type PolicySetCommand =
  | ReplaceDraft
  | PutRole
  | RemoveRole
  | PutBirthrightRule
  | RemoveBirthrightRule
  | PutSodRule
  | RemoveSodRule
  | PutAccessPolicy
  | RemoveAccessPolicy
  | PutApproverGroup
  | RemoveApproverGroup
  | DiscardDraft
  | PublishDraft;

/**
 * Edits that change nothing record nothing (a retried request is harmless); every other edit must
 * leave a valid draft. Publishing needs a draft that differs from the latest version.
 */
export function decide(command: PolicySetCommand, state: PolicySetState): readonly PolicySetEvent[] {
  const { by, now } = command.data;
  const at = now.toISOString();
  switch (command.type) {
    case 'ReplaceDraft': {
      const { policy } = command.data;
      if (samePolicy(policy, state.draft)) return [];
      assertValidDraft(policy, 'replacing the draft');
      return [{ type: 'DraftReplaced', data: { policy, by, at } }];
    }
    case 'PutRole':
      return put(state, 'role', command.data.role, () => ({ type: 'DraftRolePut', data: { role: command.data.role, by, at } }));
    case 'PutBirthrightRule':
      return put(state, 'birthrightRule', command.data.rule, () => ({
        type: 'DraftBirthrightRulePut',
        data: { rule: command.data.rule, by, at },
      }));
    case 'PutSodRule':
      return put(state, 'sodRule', command.data.rule, () => ({ type: 'DraftSodRulePut', data: { rule: command.data.rule, by, at } }));
    case 'PutAccessPolicy':
      return put(state, 'accessPolicy', command.data.policy, () => ({
        type: 'DraftAccessPolicyPut',
        data: { policy: command.data.policy, by, at },
      }));
    case 'PutApproverGroup':
      return put(state, 'approverGroup', command.data.group, () => ({
        type: 'DraftApproverGroupPut',
        data: { group: command.data.group, by, at },
      }));
    case 'RemoveRole':
      return remove(state, 'role', command.data.id, () => ({ type: 'DraftRoleRemoved', data: { id: command.data.id, by, at } }));
    case 'RemoveBirthrightRule':
      return remove(state, 'birthrightRule', command.data.id, () => ({
        type: 'DraftBirthrightRuleRemoved',
        data: { id: command.data.id, by, at },
      }));
    case 'RemoveSodRule':
      return remove(state, 'sodRule', command.data.id, () => ({ type: 'DraftSodRuleRemoved', data: { id: command.data.id, by, at } }));
    case 'RemoveAccessPolicy':
      return remove(state, 'accessPolicy', command.data.id, () => ({
        type: 'DraftAccessPolicyRemoved',
        data: { id: command.data.id, by, at },
      }));
    case 'RemoveApproverGroup':
      return remove(state, 'approverGroup', command.data.id, () => ({
        type: 'DraftApproverGroupRemoved',
        data: { id: command.data.id, by, at },
      }));
    case 'DiscardDraft':
      // An untouched draft already is the latest version: nothing to discard, nothing recorded.
      return state.lastEdit === null ? [] : [{ type: 'DraftDiscarded', data: { by, at } }];
    case 'PublishDraft':
      return publish(state, command.data.note, by, at);
    default:
      return assertNever(command);
  }
}

function put<K extends PolicyPartKind>(
  state: PolicySetState,
  kind: K,
  item: PolicyPartTypes[K],
  event: () => PolicySetEvent,
): readonly PolicySetEvent[] {
  const existing = findPart(state.draft, kind, item.id);
  if (existing && canonicalJson(existing) === canonicalJson(item)) return [];
  assertValidDraft(putPart(state.draft, kind, item), `putting ${policyPart(kind).label} "${item.id}"`);
  return [event()];
}

function remove(state: PolicySetState, kind: PolicyPartKind, id: string, event: () => PolicySetEvent): readonly PolicySetEvent[] {
  const { label } = policyPart(kind);
  if (!findPart(state.draft, kind, id)) {
    throw new DomainError('not_found', `${label} "${id}" is not in the draft`, { kind, id });
  }
  assertValidDraft(removePart(state.draft, kind, id), `removing ${label} "${id}"`);
  return [event()];
}

function publish(state: PolicySetState, note: string, by: string, at: string): readonly PolicySetEvent[] {
  const { latest, draft } = state;
  if (samePolicy(draft, latest?.policy ?? EMPTY_POLICY_SET)) {
    throw new DomainError(
      'illegal_state',
      latest
        ? `nothing to publish: the draft is the same as version ${latest.version}`
        : 'nothing to publish: the draft is empty and no version was published yet',
      { latestVersion: latest?.version ?? null },
    );
  }
  assertValidDraft(draft, 'publishing');
  return [
    {
      type: 'PolicyPublished',
      data: { version: (latest?.version ?? 0) + 1, policy: draft, note: note.trim(), publishedBy: by, publishedAt: at },
    },
  ];
}
