import { EMPTY_POLICY_SET } from '@tenure/policy-decisions';
import { deciderSpec } from '@tenure/testing';
import { emailRole, everyoneGetsEmail, productionPolicy, securityTeam, smallPolicy, vendorPaymentRule } from '../testing/policy-fixtures';
import { policySetDecider } from './policy-set.decider';
import type { PolicySetEvent } from './policy-set.events';

const now = new Date('2026-05-10T08:00:00Z');
const at = now.toISOString();
const by = 'admin-1';
const spec = deciderSpec(policySetDecider);

const replaced: PolicySetEvent = { type: 'DraftReplaced', data: { policy: smallPolicy, by, at } };
const published = (version: number, policy = smallPolicy): PolicySetEvent => ({
  type: 'PolicyPublished',
  data: { version, policy, note: `v${version}`, publishedBy: by, publishedAt: at },
});
const state = (events: readonly PolicySetEvent[]) => events.reduce(policySetDecider.evolve, policySetDecider.initialState());

describe('the policy set: editing the draft', () => {
  it('given nothing, when a valid document replaces the draft, then the draft is replaced', () => {
    spec
      .given([])
      .when({ type: 'ReplaceDraft', data: { policy: smallPolicy, by, now } })
      .then([replaced]);
  });

  it('given a draft, when the same document replaces it again, then nothing is recorded', () => {
    spec
      .given([replaced])
      .when({ type: 'ReplaceDraft', data: { policy: smallPolicy, by, now } })
      .then([]);
  });

  it('given nothing, when a document whose rule names a missing role replaces the draft, then it is refused listing the problem', () => {
    spec
      .given([])
      .when({ type: 'ReplaceDraft', data: { policy: { ...EMPTY_POLICY_SET, birthrightRules: [everyoneGetsEmail] }, by, now } })
      .thenThrows({
        code: 'validation',
        message: expect.stringMatching(/^replacing the draft would leave an invalid draft: .*everyone-email.*roles\[0\].*"email"/),
        details: { problems: [expect.objectContaining({ kind: 'birthrightRule', id: 'everyone-email', field: 'roles[0]' })] },
      });
  });

  it('given a draft, when a new role is put, then it is added; when it is put unchanged, then nothing is recorded', () => {
    const role = { id: 'chat', name: 'Chat', description: '', entitlements: [{ application: 'slack', entitlement: 'member' }] };
    spec
      .given([replaced])
      .when({ type: 'PutRole', data: { role, by, now } })
      .then([{ type: 'DraftRolePut', data: { role, by, at } }]);
    spec
      .given([replaced, { type: 'DraftRolePut', data: { role, by, at } }])
      .when({ type: 'PutRole', data: { role, by, now } })
      .then([]);
  });

  it('given a draft, when a role is put with the id of an existing one, then it replaces it in place', () => {
    const renamed = { ...emailRole, name: 'Mail' };
    const after = state([replaced, { type: 'DraftRolePut', data: { role: renamed, by, at } }]);
    expect(after.draft.roles).toEqual([renamed]);
  });

  it('given a draft whose birthright rule uses a role, when the role is removed, then it is refused with the rule and field that still use it', () => {
    spec
      .given([replaced])
      .when({ type: 'RemoveRole', data: { id: 'email', by, now } })
      .thenThrows({
        code: 'validation',
        details: { problems: [expect.objectContaining({ kind: 'birthrightRule', id: 'everyone-email', field: 'roles[0]' })] },
      });
  });

  it('given a draft, when the rule and then the role are removed, then both removals are recorded', () => {
    const ruleRemoved: PolicySetEvent = { type: 'DraftBirthrightRuleRemoved', data: { id: 'everyone-email', by, at } };
    spec
      .given([replaced])
      .when({ type: 'RemoveBirthrightRule', data: { id: 'everyone-email', by, now } })
      .then([ruleRemoved]);
    spec
      .given([replaced, ruleRemoved])
      .when({ type: 'RemoveRole', data: { id: 'email', by, now } })
      .then([{ type: 'DraftRoleRemoved', data: { id: 'email', by, at } }]);
  });

  it('given a draft, when an unknown id of any kind is removed, then it is not found, naming the kind and the id', () => {
    spec
      .given([replaced])
      .when({ type: 'RemoveSodRule', data: { id: 'nope', by, now } })
      .thenThrows({
        code: 'not_found',
        message: 'SoD rule "nope" is not in the draft',
        details: { kind: 'sodRule', id: 'nope' },
      });
    spec
      .given([])
      .when({ type: 'RemoveApproverGroup', data: { id: 'x', by, now } })
      .thenThrows({
        code: 'not_found',
        message: 'approver group "x" is not in the draft',
      });
  });

  it('given a draft whose access policy needs an approver group, when the group is removed, then it is refused', () => {
    spec
      .given([replaced])
      .when({ type: 'RemoveApproverGroup', data: { id: 'security', by, now } })
      .thenThrows({ code: 'validation' });
  });

  it('given a draft, when SoD rules, access policies and approver groups are put, then each is recorded as put', () => {
    const rule = { ...vendorPaymentRule, action: 'alert' as const };
    const policy = { ...productionPolicy, maxDurationHours: 2 };
    const group = { ...securityTeam, members: ['10013', '10011'] };
    spec
      .given([replaced])
      .when({ type: 'PutSodRule', data: { rule, by, now } })
      .then([{ type: 'DraftSodRulePut', data: { rule, by, at } }]);
    spec
      .given([replaced])
      .when({ type: 'PutAccessPolicy', data: { policy, by, now } })
      .then([{ type: 'DraftAccessPolicyPut', data: { policy, by, at } }]);
    spec
      .given([replaced])
      .when({ type: 'PutApproverGroup', data: { group, by, now } })
      .then([{ type: 'DraftApproverGroupPut', data: { group, by, at } }]);
  });

  it('given an edited draft, when discarded, then it is back to the latest version; an untouched draft records nothing', () => {
    const discarded: PolicySetEvent = { type: 'DraftDiscarded', data: { by, at } };
    spec
      .given([published(1), replaced])
      .when({ type: 'DiscardDraft', data: { by, now } })
      .then([discarded]);
    expect(state([published(1), { type: 'DraftRoleRemoved', data: { id: 'email', by, at } }, discarded]).draft).toEqual(smallPolicy);
    spec
      .given([published(1)])
      .when({ type: 'DiscardDraft', data: { by, now } })
      .then([]);
  });
});

describe('the policy set: publishing', () => {
  it('given a changed draft and no version, when published, then it becomes version 1 with the note', () => {
    spec
      .given([replaced])
      .when({ type: 'PublishDraft', data: { note: ' first policy ', by, now } })
      .then([
        { type: 'PolicyPublished', data: { version: 1, policy: smallPolicy, note: 'first policy', publishedBy: by, publishedAt: at } },
      ]);
  });

  it('given versions 1 and 2, when a changed draft is published, then it becomes version 3, and the draft starts from it', () => {
    const changed: PolicySetEvent = { type: 'DraftSodRuleRemoved', data: { id: 'vendor-payment', by, at } };
    const events = policySetDecider.decide(
      { type: 'PublishDraft', data: { note: '', by, now } },
      state([published(1, EMPTY_POLICY_SET), published(2), changed]),
    );
    expect(events).toEqual([expect.objectContaining({ type: 'PolicyPublished', data: expect.objectContaining({ version: 3 }) })]);
    const after = state([published(1, EMPTY_POLICY_SET), published(2), changed, ...events]);
    expect(after).toMatchObject({ latest: { version: 3 }, lastEdit: null });
    expect(after.draft.sodRules).toEqual([]);
  });

  it('given a published version and an untouched draft, when published, then there is nothing to publish', () => {
    spec
      .given([published(1)])
      .when({ type: 'PublishDraft', data: { note: '', by, now } })
      .thenThrows({
        code: 'illegal_state',
        message: 'nothing to publish: the draft is the same as version 1',
      });
  });

  it('given a draft edited back to the latest version, when published, then there is nothing to publish', () => {
    const renamed = { ...emailRole, name: 'Mail' };
    spec
      .given([
        published(1),
        { type: 'DraftRolePut', data: { role: renamed, by, at } },
        { type: 'DraftRolePut', data: { role: emailRole, by, at } },
      ])
      .when({ type: 'PublishDraft', data: { note: '', by, now } })
      .thenThrows({ code: 'illegal_state' });
  });

  it('given nothing, when the empty draft is published, then there is nothing to publish', () => {
    spec
      .given([])
      .when({ type: 'PublishDraft', data: { note: '', by, now } })
      .thenThrows({
        code: 'illegal_state',
        message: 'nothing to publish: the draft is empty and no version was published yet',
      });
  });

  it('keeps every event plain JSON', () => {
    const events = policySetDecider.decide({ type: 'PublishDraft', data: { note: 'n', by, now } }, state([replaced]));
    expect(JSON.parse(JSON.stringify(events))).toEqual(events);
  });
});
