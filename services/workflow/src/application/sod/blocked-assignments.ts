import type { Pool } from 'pg';
import { blockKey } from '../../domain/assignments';
import { assignableBirthright } from '../../domain/birthright';
import { standingBlocks, type BlockedAssignmentView } from '../../read-model/workflow-blocked-assignments';
import { findSubjects } from '../../read-model/workflow-identities/workflow-subjects';
import type { LatestPolicy } from '../latest-policy';

/**
 * The birthright additions SoD rules refused, waiting for an administrator. A block no longer stands
 * once its entitlement stops being the identity's birthright (a move, a new policy version): that is
 * decided here, at read time, by the latest valid policy, as the birthright process would decide it.
 */
export class BlockedAssignments {
  constructor(
    private readonly pool: Pool,
    private readonly latest: LatestPolicy,
  ) {}

  /** The open blocks, newest first, at most `first`. */
  async open(first: number): Promise<BlockedAssignmentView[]> {
    const policy = await this.latest.compiled();
    if (policy === null) return [];
    const blocks = await standingBlocks(this.pool);
    const subjects = await findSubjects(this.pool, [...new Set(blocks.map((block) => block.identityId))]);
    const stillBirthright = new Set<string>();
    for (const subject of subjects) {
      for (const { entitlement } of assignableBirthright(policy, subject).entitlements) {
        stillBirthright.add(`${subject.identityId} ${blockKey(entitlement.application, entitlement.entitlement)}`);
      }
    }
    return blocks
      .filter((block) => stillBirthright.has(`${block.identityId} ${blockKey(block.applicationId, block.entitlementKey)}`))
      .slice(0, Math.max(0, first));
  }
}
