import type { PolicySet } from '../model/policy-set';

/** The kinds of items a policy set holds; null for a problem with the set itself. */
export type PolicyItemKind = 'role' | 'birthrightRule' | 'sodRule' | 'accessPolicy' | 'approverGroup';

/**
 * One thing wrong with a policy document, precise enough for an administrator to fix it: where
 * (`path`), which item (`kind`, `id`), which of its fields, and a sentence saying all of that.
 */
export interface PolicyProblem {
  /** From the document's root, e.g. "sodRules[2].sets[0].entitlements[1].application"; "" for the document itself. */
  readonly path: string;
  readonly kind: PolicyItemKind | null;
  /** The item's id as written (even when the id itself is what is wrong); null when it has none. */
  readonly id: string | null;
  /** Inside the item, e.g. "sets[0].entitlements[1].application"; "" for the item as a whole. */
  readonly field: string;
  /** e.g. 'SoD rule "finance-vendor-payment": sets[1].entitlements[0].application must not be empty'. */
  readonly message: string;
}

export type PolicyValidation =
  { readonly ok: true; readonly policy: PolicySet } | { readonly ok: false; readonly problems: readonly PolicyProblem[] };

/** The result of validating one item (a role, a rule...) on its own, before it joins the set. */
export type ItemValidation<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly PolicyProblem[] };
