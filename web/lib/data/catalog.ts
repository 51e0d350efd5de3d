import 'server-only';
import { graphql } from '../graphql';

export type RiskLevel = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

export interface CatalogEntitlement {
  id: string;
  applicationId: string;
  application: { name: string } | null;
  key: string;
  displayName: string;
  description: string | null;
  kind: string;
  risk: RiskLevel | null;
  requestable: boolean;
  ownerEmployeeNumber: string | null;
}

export interface CatalogPage {
  entitlements: CatalogEntitlement[];
  endCursor: string | null;
  hasNextPage: boolean;
}

const ENTITLEMENT_FIELDS = /* GraphQL */ `
  id
  applicationId
  application {
    name
  }
  key
  displayName
  description
  kind
  risk
  requestable
  ownerEmployeeNumber
`;

const SEARCH_CATALOG = /* GraphQL */ `
  query SearchCatalog($search: String, $after: String, $first: Int!, $applicationId: ID) {
    entitlements(search: $search, after: $after, first: $first, applicationId: $applicationId) {
      edges {
        node {
          ${ENTITLEMENT_FIELDS}
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

interface SearchCatalogResponse {
  entitlements: { edges: { node: CatalogEntitlement }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

export const CATALOG_PAGE_SIZE = 20;

/** A page of the catalog whose key, name or description contains `search`. */
export async function searchCatalog(
  search: string,
  after: string | undefined,
  applicationId?: string,
  first = CATALOG_PAGE_SIZE,
): Promise<CatalogPage> {
  const data = await graphql<SearchCatalogResponse>(SEARCH_CATALOG, {
    search: search || null,
    after: after ?? null,
    first,
    applicationId: applicationId ?? null,
  });
  return {
    entitlements: data.entitlements.edges.map((edge) => edge.node),
    endCursor: data.entitlements.pageInfo.endCursor,
    hasNextPage: data.entitlements.pageInfo.hasNextPage,
  };
}

/**
 * One entitlement by "application:key". The API has no lookup by id, so this searches the application's
 * catalog for the key and keeps the exact match.
 */
export async function findEntitlement(applicationId: string, key: string): Promise<CatalogEntitlement | null> {
  let after: string | undefined;
  for (let page = 0; page < 5; page++) {
    const result = await searchCatalog(key, after, applicationId, 100);
    const match = result.entitlements.find((entitlement) => entitlement.applicationId === applicationId && entitlement.key === key);
    if (match) return match;
    if (!result.hasNextPage || !result.endCursor) return null;
    after = result.endCursor;
  }
  return null;
}

/** "application:key" → its parts; null when it is not one. */
export function parseEntitlementId(id: string | undefined): { applicationId: string; key: string } | null {
  if (!id) return null;
  const separator = id.indexOf(':');
  if (separator <= 0 || separator === id.length - 1) return null;
  return { applicationId: id.slice(0, separator), key: id.slice(separator + 1) };
}
