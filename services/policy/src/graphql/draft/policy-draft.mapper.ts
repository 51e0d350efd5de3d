import type { PolicyDraftView } from '../../application/policy-administration';
import { toPolicySet } from '../policy-set/policy-set.mapper';
import { PolicyDraft } from './policy-draft.type';

export function toPolicyDraft(view: PolicyDraftView): PolicyDraft {
  return Object.assign(new PolicyDraft(), {
    policy: toPolicySet(view.policy),
    basedOnVersion: view.basedOnVersion,
    changed: view.changed,
    changedAt: view.changedAt === null ? null : new Date(view.changedAt),
    changedBy: view.changedBy,
  });
}
