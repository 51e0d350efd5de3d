/**
 * The policy service's publications as other contexts may rely on them. The whole policy set is
 * one stream; each publication carries the complete, validated, immutable version. Its shape is
 * the `PolicySet` of @tenure/policy-decisions, which consumers use to decide (contracts stay free
 * of the domain's types, so it is `unknown` here and the consumer checks it).
 */

export const POLICY_SET_STREAM_ID = 'policy-set';

export interface PublishedPolicyPublished {
  readonly type: 'PolicyPublished';
  readonly data: { readonly version: number; readonly policy: unknown; readonly publishedAt: string };
}
