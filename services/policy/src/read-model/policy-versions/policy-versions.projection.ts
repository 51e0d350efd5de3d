import type { Projection } from '@tenure/event-store-postgres';
import { POLICY_SET_STREAM } from '../../application/policy-streams';
import type { PolicyPublished } from '../../domain/policy-set';
import { CREATE_POLICY_VERSIONS } from './policy-versions.table';

/** Keeps `policy_versions` from the policy set's PolicyPublished events. */
export const policyVersionsProjection: Projection = {
  name: 'policy-versions',
  filter: { streamPrefixes: [POLICY_SET_STREAM], eventTypes: ['PolicyPublished'] },
  async setup(client) {
    await client.query(CREATE_POLICY_VERSIONS);
  },
  async reset(client) {
    await client.query('TRUNCATE policy_versions');
  },
  async apply(recorded, client) {
    if (recorded.type !== 'PolicyPublished' || recorded.streamId !== POLICY_SET_STREAM) return;
    const { version, policy, note, publishedBy, publishedAt } = (recorded as unknown as PolicyPublished).data;
    await client.query(
      `INSERT INTO policy_versions (version, published_at, published_by, note, document) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (version) DO NOTHING`,
      [version, publishedAt, publishedBy, note, JSON.stringify(policy)],
    );
  },
};
