import type { PolicyVersion as PolicyVersionModel } from '@tenure/policy-decisions';
import { toPolicySet } from '../policy-set/policy-set.mapper';
import { PolicyVersion } from './policy-version.type';

type VersionSummary = Omit<PolicyVersionModel, 'policy'>;

/** A version, with its contents when they were read (a list of versions reads only the summaries). */
export function toPolicyVersion(version: VersionSummary | PolicyVersionModel): PolicyVersion {
  return Object.assign(new PolicyVersion(), {
    version: version.version,
    publishedAt: new Date(version.publishedAt),
    publishedBy: version.publishedBy,
    note: version.note,
    ...('policy' in version ? { policy: toPolicySet(version.policy) } : {}),
  });
}
