import { POLICY_SET_STREAM_ID, type PublishedPolicyPublished } from '@tenure/contracts';
import type { EventStore, IdGenerator } from '@tenure/event-sourcing';
import type { PolicySet } from '@tenure/policy-decisions';

/** A publication as the policy service records it in the `policy-set` stream: the benchmark starts from the published policy. */
export async function publishPolicy(store: EventStore, ids: IdGenerator, version: number, policy: PolicySet): Promise<void> {
  const publishedAt = new Date().toISOString();
  const publishedBy = 'bench-policy-administrator';
  // The fields the policy service's own read model needs too (the published contract is the part other services read).
  const event: PublishedPolicyPublished & { data: { note: string; publishedBy: string } } = {
    type: 'PolicyPublished',
    data: { version, policy, note: 'published by the benchmark', publishedBy, publishedAt },
  };
  await store.appendToStream(POLICY_SET_STREAM_ID, [
    {
      type: event.type,
      data: event.data,
      metadata: {
        eventId: ids.newId(),
        correlationId: 'bench',
        causationId: null,
        actor: { kind: 'person', id: publishedBy },
        occurredAt: publishedAt,
      },
    },
  ]);
}
