import { POLICY_SET_STREAM_ID, type PublishedPolicyPublished } from '@tenure/contracts';
import type { Projection } from '@tenure/event-store-postgres';
import { validatePolicySet } from '@tenure/policy-decisions';
import { CREATE_WORKFLOW_POLICY_VERSIONS } from './workflow-policy-versions.table';

/** Keeps `workflow_policy_versions` from the policy set's publications; versions are immutable, so rows are only inserted. */
export const workflowPolicyVersionsProjection: Projection = {
  name: 'workflow-policy-versions',
  filter: { streamPrefixes: [POLICY_SET_STREAM_ID], eventTypes: ['PolicyPublished' satisfies PublishedPolicyPublished['type']] },
  async setup(client) {
    await client.query(CREATE_WORKFLOW_POLICY_VERSIONS);
  },
  async reset(client) {
    await client.query('TRUNCATE workflow_policy_versions');
  },
  async apply(recorded, client) {
    if (recorded.streamId !== POLICY_SET_STREAM_ID || recorded.type !== 'PolicyPublished') return;
    const { version, policy, publishedAt } = (recorded as unknown as PublishedPolicyPublished).data;
    const validation = validatePolicySet(policy);
    await client.query(
      `INSERT INTO workflow_policy_versions (version, published_at, valid, policy, problems) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (version) DO NOTHING`,
      [
        version,
        publishedAt,
        validation.ok,
        JSON.stringify(validation.ok ? validation.policy : policy),
        JSON.stringify(validation.ok ? [] : validation.problems),
      ],
    );
  },
};
