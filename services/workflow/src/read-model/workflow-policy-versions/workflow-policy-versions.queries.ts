import type { PolicySet, PolicyVersion } from '@tenure/policy-decisions';
import type { Queryable } from '../queryable';
import type { WorkflowPolicyVersionRow } from './workflow-policy-versions.table';

/** The newest version that passed validation; null before the first valid publication. */
export async function latestValidPolicyVersion(db: Queryable): Promise<PolicyVersion | null> {
  const { rows } = await db.query<WorkflowPolicyVersionRow>(
    'SELECT version, published_at, policy FROM workflow_policy_versions WHERE valid ORDER BY version DESC LIMIT 1',
  );
  const row = rows[0];
  if (!row) return null;
  // The contract carries no author or note; no decision reads them.
  return { version: row.version, publishedAt: row.published_at.toISOString(), publishedBy: '', note: '', policy: row.policy as PolicySet };
}

/** Number of the newest valid version only: what is asked on every pass, to know whether the compiled one is still current. */
export async function latestValidVersionNumber(db: Queryable): Promise<number | null> {
  const { rows } = await db.query<{ version: number | null }>('SELECT max(version) AS version FROM workflow_policy_versions WHERE valid');
  return rows[0]?.version ?? null;
}

/** Versions published but refused by validation, newer than every valid one: what an administrator must fix. */
export async function refusedVersionsAfter(db: Queryable, version: number | null): Promise<{ version: number; problems: unknown }[]> {
  const { rows } = await db.query<{ version: number; problems: unknown }>(
    'SELECT version, problems FROM workflow_policy_versions WHERE NOT valid AND version > $1 ORDER BY version',
    [version ?? 0],
  );
  return rows;
}
