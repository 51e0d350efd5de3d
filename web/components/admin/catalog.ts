import 'server-only';
import { graphql } from '@/lib/graphql';
import { entitlementId } from './format';

/** An entitlement as the connector catalog describes it. */
export interface CatalogEntry {
  id: string;
  applicationId: string;
  key: string;
  displayName: string;
  risk: string | null;
  ownerEmployeeNumber: string | null;
  requestable: boolean;
}

const ALIASES_PER_OPERATION = 12;

/**
 * Catalog entries of the given entitlements, keyed "application:key". The catalog has no lookup by key, so
 * each is found by searching its application for the key and keeping the exact match.
 */
export async function catalogEntries(
  refs: readonly { applicationId: string; entitlementKey: string }[],
): Promise<Map<string, CatalogEntry>> {
  const distinct = [...new Map(refs.map((ref) => [entitlementId(ref.applicationId, ref.entitlementKey), ref])).values()];
  const chunks: (typeof distinct)[] = [];
  for (let start = 0; start < distinct.length; start += ALIASES_PER_OPERATION)
    chunks.push(distinct.slice(start, start + ALIASES_PER_OPERATION));
  const answers = await Promise.all(
    chunks.map((chunk) => {
      const variables: Record<string, string> = {};
      chunk.forEach((ref, i) => {
        variables[`a${i}`] = ref.applicationId;
        variables[`k${i}`] = ref.entitlementKey;
      });
      const declarations = chunk.map((_, i) => `$a${i}: ID!, $k${i}: String!`).join(', ');
      const selections = chunk
        .map(
          (_, i) =>
            `e${i}: entitlements(applicationId: $a${i}, search: $k${i}, first: 100, includeVanished: true) { edges { node { id applicationId key displayName risk ownerEmployeeNumber requestable } } }`,
        )
        .join('\n');
      return graphql<Record<string, { edges: { node: CatalogEntry }[] }>>(`query Catalog(${declarations}) {\n${selections}\n}`, variables);
    }),
  );
  const wanted = new Set(distinct.map((ref) => entitlementId(ref.applicationId, ref.entitlementKey)));
  const entries = new Map<string, CatalogEntry>();
  for (const answer of answers) {
    for (const connection of Object.values(answer)) {
      for (const { node } of connection.edges) {
        const id = entitlementId(node.applicationId, node.key);
        if (wanted.has(id)) entries.set(id, node);
      }
    }
  }
  return entries;
}
