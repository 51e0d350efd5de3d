import type { PolicyItemKind, PolicyProblem } from './policy-problem';

export type PathSegment = string | number;

const KIND_LABELS: Record<PolicyItemKind, string> = {
  role: 'Role',
  birthrightRule: 'Birthright rule',
  sodRule: 'SoD rule',
  accessPolicy: 'Access policy',
  approverGroup: 'Approver group',
};

/** Where each kind lives in a PolicySet. */
export const COLLECTION_OF: Record<PolicyItemKind, 'roles' | 'birthrightRules' | 'sodRules' | 'accessPolicies' | 'approverGroups'> = {
  role: 'roles',
  birthrightRule: 'birthrightRules',
  sodRule: 'sodRules',
  accessPolicy: 'accessPolicies',
  approverGroup: 'approverGroups',
};

/** Which item a problem is about: its kind, what it says its id and name are, and where it sits. */
export interface ItemLocation {
  readonly kind: PolicyItemKind;
  /** As written, when it is a string at all. */
  readonly id: string | null;
  readonly name: string | null;
  /** Its index in the set's collection; null when the item is validated on its own. */
  readonly index: number | null;
}

/** `sets[0].entitlements[1].application`: dots between names, brackets around indexes. */
export function formatPath(segments: readonly PathSegment[]): string {
  return segments.reduce<string>(
    (path, segment) => (typeof segment === 'number' ? `${path}[${segment}]` : path === '' ? segment : `${path}.${segment}`),
    '',
  );
}

/** 'SoD rule "finance-vendor-payment" (Vendor vs payment)', or where it is when it has no id. */
export function describeItem(location: ItemLocation): string {
  const label = KIND_LABELS[location.kind];
  if (location.id !== null && location.id !== '') {
    return `${label} ${JSON.stringify(location.id)}${location.name ? ` (${location.name})` : ''}`;
  }
  const where = location.index === null ? 'without an id' : `at ${COLLECTION_OF[location.kind]}[${location.index}]`;
  return `${label} ${where}${location.name ? ` (${location.name})` : ''}`;
}

/** A problem with one item: `sentence` completes "<field> ..." (e.g. "must not be empty"). */
export function itemProblem(location: ItemLocation, field: readonly PathSegment[], sentence: string): PolicyProblem {
  const fieldPath = formatPath(field);
  const root = location.index === null ? [] : [COLLECTION_OF[location.kind], location.index];
  return {
    path: formatPath([...root, ...field]),
    kind: location.kind,
    id: location.id,
    field: fieldPath,
    message: `${describeItem(location)}: ${fieldPath === '' ? sentence : `${fieldPath} ${sentence}`}`,
  };
}

/** A problem with the document itself, e.g. "roles must be a list". */
export function documentProblem(field: readonly PathSegment[], sentence: string): PolicyProblem {
  const fieldPath = formatPath(field);
  return {
    path: fieldPath,
    kind: null,
    id: null,
    field: fieldPath,
    message: `Policy: ${fieldPath === '' ? sentence : `${fieldPath} ${sentence}`}`,
  };
}
