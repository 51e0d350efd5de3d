import type { PolicySet } from '@tenure/policy-decisions';
import { canonicalJson } from '../canonical-json';

/**
 * Whether two policies say the same thing: a draft edited back to what was published is unchanged.
 * The order of items in a list still counts (it is the administrator's document order).
 */
export function samePolicy(a: PolicySet, b: PolicySet): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
