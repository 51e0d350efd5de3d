import 'server-only';
import { graphql } from '@/lib/graphql';

/** What every page shows of a person it names. */
export interface PersonSummary {
  id: string;
  employeeNumber: string;
  displayName: string;
  department: string;
  title: string;
  status: string;
}

const PERSON_FIELDS = 'id employeeNumber displayName department title status';

// The gateway refuses operations with more than 15 aliases; stay under it.
const ALIASES_PER_OPERATION = 12;

/** People by identity id, in as few operations as the alias limit allows; unknown ids are missing from the map. */
export function peopleById(ids: readonly string[]): Promise<Map<string, PersonSummary>> {
  return lookUp(ids, 'identity(id: $v{i})', 'ID!', (person) => person.id);
}

/** People by employee number; unknown numbers are missing from the map. */
export function peopleByEmployeeNumber(employeeNumbers: readonly string[]): Promise<Map<string, PersonSummary>> {
  return lookUp(employeeNumbers, 'identityByEmployeeNumber(employeeNumber: $v{i})', 'String!', (person) => person.employeeNumber);
}

async function lookUp(
  keys: readonly string[],
  field: string,
  variableType: string,
  keyOf: (person: PersonSummary) => string,
): Promise<Map<string, PersonSummary>> {
  const distinct = [...new Set(keys.filter(Boolean))];
  const chunks: string[][] = [];
  for (let start = 0; start < distinct.length; start += ALIASES_PER_OPERATION)
    chunks.push(distinct.slice(start, start + ALIASES_PER_OPERATION));
  const answers = await Promise.all(
    chunks.map((chunk) => {
      const variables = Object.fromEntries(chunk.map((key, i) => [`v${i}`, key]));
      const declarations = chunk.map((_, i) => `$v${i}: ${variableType}`).join(', ');
      const selections = chunk.map((_, i) => `p${i}: ${field.replace('{i}', String(i))} { ${PERSON_FIELDS} }`).join('\n');
      return graphql<Record<string, PersonSummary | null>>(`query People(${declarations}) {\n${selections}\n}`, variables);
    }),
  );
  const people = new Map<string, PersonSummary>();
  for (const answer of answers) {
    for (const person of Object.values(answer)) if (person) people.set(keyOf(person), person);
  }
  return people;
}

/** What a bounded walk through the directory saw. */
export interface DirectoryScan<T> {
  nodes: T[];
  /** Identities matching the filter, in all pages. */
  totalCount: number;
  /** True when the walk stopped at its limit before the last page. */
  truncated: boolean;
}

const SCAN_PAGE_SIZE = 100;

/**
 * Walks the directory (administrators and auditors only) page by page, asking each identity for
 * `selection`, up to `limit` identities. The API has no organisation-wide query for assignments or
 * requests, so figures built on this say how many identities they covered.
 */
export async function scanDirectory<T>(
  selection: string,
  options: { filter?: Record<string, unknown>; limit: number },
): Promise<DirectoryScan<T>> {
  const nodes: T[] = [];
  let after: string | null = null;
  let totalCount = 0;
  for (;;) {
    const page: DirectoryPage<T> = await graphql<DirectoryPage<T>>(
      `query DirectoryScan($after: String, $first: Int!, $filter: IdentityFilter) {
        identities(after: $after, first: $first, filter: $filter) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { ${selection} } }
        }
      }`,
      { after, first: Math.min(SCAN_PAGE_SIZE, options.limit - nodes.length), filter: options.filter ?? null },
    );
    totalCount = page.identities.totalCount;
    nodes.push(...page.identities.edges.map((edge) => edge.node));
    const { hasNextPage, endCursor } = page.identities.pageInfo;
    if (!hasNextPage || !endCursor) return { nodes, totalCount, truncated: false };
    if (nodes.length >= options.limit) return { nodes, totalCount, truncated: true };
    after = endCursor;
  }
}

interface DirectoryPage<T> {
  identities: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: T }[] };
}
