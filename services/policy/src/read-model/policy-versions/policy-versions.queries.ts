import type { PolicySet, PolicyVersion } from '@tenure/policy-decisions';
import type { Queryable } from '../queryable';
import type { PolicyVersionRow } from './policy-versions.table';

export interface PolicyVersionSummary {
  readonly version: number;
  readonly publishedAt: string;
  readonly publishedBy: string;
  readonly note: string;
}

export async function latestVersionNumber(db: Queryable): Promise<number | null> {
  const { rows } = await db.query<{ version: number | null }>('SELECT max(version) AS version FROM policy_versions');
  return rows[0]?.version ?? null;
}

export async function findPolicyVersion(db: Queryable, version: number): Promise<PolicyVersion | null> {
  const { rows } = await db.query<PolicyVersionRow>(
    'SELECT version, published_at, published_by, note, document FROM policy_versions WHERE version = $1',
    [version],
  );
  const row = rows[0];
  return row ? { ...summary(row), policy: row.document as PolicySet } : null;
}

export async function latestPolicyVersion(db: Queryable): Promise<PolicyVersion | null> {
  const latest = await latestVersionNumber(db);
  return latest === null ? null : findPolicyVersion(db, latest);
}

/** Newest first, without the documents. */
export async function listPolicyVersions(db: Queryable): Promise<PolicyVersionSummary[]> {
  const { rows } = await db.query<PolicyVersionRow>(
    'SELECT version, published_at, published_by, note FROM policy_versions ORDER BY version DESC',
  );
  return rows.map(summary);
}

function summary(row: PolicyVersionRow): PolicyVersionSummary {
  return { version: row.version, publishedAt: row.published_at.toISOString(), publishedBy: row.published_by, note: row.note };
}
