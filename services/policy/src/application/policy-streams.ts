import { POLICY_SET_STREAM_ID, type PublishedPolicyPublished } from '@tenure/contracts';
import type { PolicyPublished } from '../domain/policy-set';

/** The whole policy set (draft edits and published versions) is one aggregate, so one stream; other contexts read its publications. */
export const POLICY_SET_STREAM = POLICY_SET_STREAM_ID;

/** Compile-time check that a publication still satisfies the published contract the workflow service relies on. */
export type PublicationHonoursContract = PolicyPublished extends PublishedPolicyPublished ? true : never;
export const publicationHonoursContract: PublicationHonoursContract = true;

/** One stream per SoD exception; published (@tenure/contracts sod-exception-events.ts, checked in sod-exception-contract.ts). */
export { SOD_EXCEPTION_STREAM_PREFIX, sodExceptionStreamId } from '@tenure/contracts';

export const SOD_VIOLATIONS_STREAM_PREFIX = 'sod-violations-';

export function sodViolationsStreamId(identityId: string): string {
  return `${SOD_VIOLATIONS_STREAM_PREFIX}${identityId}`;
}
