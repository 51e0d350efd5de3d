import { compilePolicy, type CompiledPolicy } from '@tenure/policy-decisions';
import type { Queryable } from '../read-model/queryable';
import {
  latestValidPolicyVersion,
  latestValidVersionNumber,
} from '../read-model/workflow-policy-versions/workflow-policy-versions.queries';

/**
 * The latest valid published version, compiled once per version number: every pass asks for it, and
 * versions never change, so only the number is read each time.
 */
export class LatestPolicy {
  private cached: CompiledPolicy | null = null;

  constructor(private readonly db: Queryable) {}

  /** Null before the first valid publication. */
  async compiled(): Promise<CompiledPolicy | null> {
    const latest = await latestValidVersionNumber(this.db);
    if (latest === null) return null;
    if (this.cached?.version === latest) return this.cached;
    const version = await latestValidPolicyVersion(this.db);
    if (!version) return null;
    this.cached = compilePolicy(version);
    return this.cached;
  }
}
