import { compilePolicy, type CompiledPolicy } from '@tenure/policy-decisions';
import { findPolicyVersion, latestVersionNumber } from '../read-model/policy-versions/policy-versions.queries';
import type { Queryable } from '../read-model/queryable';

/**
 * The latest published version, compiled once per version number: every decision asks for it, and
 * versions never change, so only the number is read each time.
 */
export class LatestPolicy {
  private cached: CompiledPolicy | null = null;

  constructor(private readonly db: Queryable) {}

  /** Null before the first publication. */
  async compiled(): Promise<CompiledPolicy | null> {
    const latest = await latestVersionNumber(this.db);
    if (latest === null) return null;
    if (this.cached?.version === latest) return this.cached;
    const version = await findPolicyVersion(this.db, latest);
    if (!version) return null;
    this.cached = compilePolicy(version);
    return this.cached;
  }
}
