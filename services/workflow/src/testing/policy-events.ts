import { POLICY_SET_STREAM_ID, type PublishedPolicyPublished } from '@tenure/contracts';
import type { EventStore } from '@tenure/event-sourcing';
import { appendPublishedEvent, type Publisher } from './published-events';

export const POLICY_SERVICE: Publisher = { actor: { kind: 'person', id: 'policy-admin' }, correlationPrefix: 'policy' };

/** A publication as the policy service records it in the `policy-set` stream (the contract's part of it). */
export async function publishPolicy(store: EventStore, version: number, policy: unknown): Promise<void> {
  const event: PublishedPolicyPublished = {
    type: 'PolicyPublished',
    data: { version, policy, publishedAt: '2026-06-01T07:00:00.000Z' },
  };
  await appendPublishedEvent(store, POLICY_SET_STREAM_ID, event, POLICY_SERVICE, '2026-06-01T07:00:00.000Z');
}

const everyone = (entitlements: readonly [string, string][]) => ({
  id: 'everyone',
  name: 'Everyone',
  condition: { op: 'always' },
  entitlements: entitlements.map(([application, entitlement]) => ({ application, entitlement })),
});

/**
 * Version 1: mail and chat for everyone; Engineering gets its tools through a role; Finance creates
 * vendors; whoever reports to 1001 reviews code.
 */
export const POLICY_V1 = {
  roles: [
    {
      id: 'engineering-tools',
      name: 'Engineering tools',
      entitlements: [
        { application: 'github', entitlement: 'org-member' },
        { application: 'staging', entitlement: 'deploy' },
      ],
    },
  ],
  birthrightRules: [
    everyone([
      ['mail', 'mailbox'],
      ['chat', 'member'],
    ]),
    {
      id: 'engineering',
      name: 'Engineering',
      condition: { op: 'equals', attribute: 'department', value: 'Engineering' },
      roles: ['engineering-tools'],
    },
    {
      id: 'finance',
      name: 'Finance',
      condition: { op: 'equals', attribute: 'department', value: 'Finance' },
      entitlements: [{ application: 'erp', entitlement: 'create-vendor' }],
    },
    {
      id: 'reviewers',
      name: 'Reviewers under 1001',
      condition: { op: 'reportsTo', employeeNumber: '1001' },
      entitlements: [{ application: 'github', entitlement: 'approve-code-change' }],
    },
  ],
  sodRules: [],
  accessPolicies: [],
  approverGroups: [],
};

/** Version 2: chat is gone for everyone, a wiki comes instead. */
export const POLICY_V2 = {
  ...POLICY_V1,
  birthrightRules: [
    everyone([
      ['mail', 'mailbox'],
      ['wiki', 'reader'],
    ]),
    ...POLICY_V1.birthrightRules.slice(1),
  ],
};
