import type { RecordedEvent } from '@tenure/event-sourcing';
import type { Projection } from '@tenure/event-store-postgres';
import type { PoolClient } from 'pg';
import { POLICY_SET_STREAM } from '../../application/policy-streams';
import { policySetDecider, type PolicySetEvent, type PolicySetState } from '../../domain/policy-set';
import { CREATE_POLICY_DRAFT } from './policy-draft.table';
import { loadPolicySetState } from './policy-draft.queries';

/** Keeps `policy_draft` from every event of the policy set stream. */
export const policyDraftProjection: Projection = {
  name: 'policy-draft',
  filter: { streamPrefixes: [POLICY_SET_STREAM] },
  async setup(client) {
    await client.query(CREATE_POLICY_DRAFT);
  },
  async reset(client) {
    await client.query('TRUNCATE policy_draft');
  },
  apply: (recorded, client) => applyEvents([recorded], client),
  /** One read and one write of the row per batch. */
  applyBatch: applyEvents,
};

async function applyEvents(events: readonly RecordedEvent[], client: PoolClient): Promise<void> {
  const ours = events.filter((event) => event.streamId === POLICY_SET_STREAM);
  if (ours.length === 0) return;
  const state = ours.reduce(
    (folded, event) => policySetDecider.evolve(folded, { type: event.type, data: event.data } as PolicySetEvent),
    await loadPolicySetState(client),
  );
  await save(client, state, ours[ours.length - 1]!.recordedAt);
}

async function save(client: PoolClient, state: PolicySetState, at: Date): Promise<void> {
  await client.query(
    `INSERT INTO policy_draft (singleton, state, updated_at) VALUES (true, $1, $2)
     ON CONFLICT (singleton) DO UPDATE SET state = EXCLUDED.state, updated_at = EXCLUDED.updated_at`,
    [JSON.stringify(state), at],
  );
}
