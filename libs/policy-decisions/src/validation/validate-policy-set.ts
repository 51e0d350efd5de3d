import type { PolicySet } from '../model/policy-set';
import type { PolicyItemKind, PolicyProblem, PolicyValidation } from './policy-problem';
import { COLLECTION_OF, documentProblem, type ItemLocation } from './problem-messages';
import { checkPolicySet, type Located, type ParsedPolicyItems } from './set-checks';
import { locateItem, parseItem, type ItemKindTypes } from './validate-item';

const KINDS: readonly PolicyItemKind[] = ['role', 'birthrightRule', 'sodRule', 'accessPolicy', 'approverGroup'];
const COLLECTIONS = new Set<string>(KINDS.map((kind) => COLLECTION_OF[kind]));

/**
 * Validates a whole policy document (a draft before publishing, or a hand-written JSON file):
 * every item's shape with defaults filled in, then references, unique ids and scopes. Reports every
 * problem at once, each naming the item and the field, so an administrator can fix them in one go.
 * A missing collection counts as empty.
 */
export function validatePolicySet(input: unknown): PolicyValidation {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      problems: [documentProblem([], 'must be an object with roles, birthrightRules, sodRules, accessPolicies and approverGroups')],
    };
  }
  const document = input as Record<string, unknown>;
  const problems: PolicyProblem[] = Object.keys(document)
    .filter((key) => !COLLECTIONS.has(key))
    .map((key) => documentProblem([key], `is not part of a policy (expected ${[...COLLECTIONS].join(', ')})`));

  const everyItem: ItemLocation[] = [];
  const parseCollection = <K extends PolicyItemKind>(kind: K): Located<ItemKindTypes[K]>[] => {
    const collection = COLLECTION_OF[kind];
    const raw = document[collection] ?? [];
    if (!Array.isArray(raw)) {
      problems.push(documentProblem([collection], 'must be a list'));
      return [];
    }
    const parsed: Located<ItemKindTypes[K]>[] = [];
    raw.forEach((item: unknown, index) => {
      const location = locateItem(kind, item, index);
      everyItem.push(location);
      const result = parseItem(kind, item, index);
      if (result.ok) parsed.push({ value: result.value, location });
      else problems.push(...result.problems);
    });
    return parsed;
  };

  const items: ParsedPolicyItems = {
    roles: parseCollection('role'),
    birthrightRules: parseCollection('birthrightRule'),
    sodRules: parseCollection('sodRule'),
    accessPolicies: parseCollection('accessPolicy'),
    approverGroups: parseCollection('approverGroup'),
    everyItem,
  };
  problems.push(...checkPolicySet(items));
  if (problems.length > 0) return { ok: false, problems: inDocumentOrder(problems) };

  const values = <T>(located: readonly Located<T>[]) => located.map(({ value }) => value);
  const policy: PolicySet = {
    roles: values(items.roles),
    birthrightRules: values(items.birthrightRules),
    sodRules: values(items.sodRules),
    accessPolicies: values(items.accessPolicies),
    approverGroups: values(items.approverGroups),
  };
  return { ok: true, policy };
}

const ITEM_PATH = /^(\w+)\[(\d+)\]/;

/** The document's own problems first, then item by item in document order (stable within an item). */
function inDocumentOrder(problems: readonly PolicyProblem[]): PolicyProblem[] {
  const collections = KINDS.map((kind) => COLLECTION_OF[kind] as string);
  const position = (problem: PolicyProblem): [number, number] => {
    const match = ITEM_PATH.exec(problem.path);
    if (problem.kind === null || match === null) return [-1, 0];
    return [collections.indexOf(match[1]!), Number(match[2])];
  };
  return problems
    .map((problem, order) => ({ problem, order, at: position(problem) }))
    .sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1] || a.order - b.order)
    .map(({ problem }) => problem);
}
