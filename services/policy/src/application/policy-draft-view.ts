import { EMPTY_POLICY_SET, type PolicySet } from '@tenure/policy-decisions';
import { samePolicy, type PolicySetState } from '../domain/policy-set';

/** The draft as administrators see it. */
export interface PolicyDraftView {
  readonly policy: PolicySet;
  /** The version the draft started from; null before the first publication. */
  readonly basedOnVersion: number | null;
  /** Whether the draft differs from that version (an edit undone by another is no change). */
  readonly changed: boolean;
  /** The latest edit since that version (or since a discard); null when untouched. */
  readonly changedAt: string | null;
  readonly changedBy: string | null;
}

export function draftViewOf(state: PolicySetState): PolicyDraftView {
  return {
    policy: state.draft,
    basedOnVersion: state.latest?.version ?? null,
    changed: !samePolicy(state.draft, state.latest?.policy ?? EMPTY_POLICY_SET),
    changedAt: state.lastEdit?.at ?? null,
    changedBy: state.lastEdit?.by ?? null,
  };
}
