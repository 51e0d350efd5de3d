/**
 * The measured queries. The directory page is answered by the identity subgraph alone, so the same
 * text can be sent to the identity service and to the gateway: the difference is the gateway's cost
 * (parsing, validation, query planning cache, one more HTTP hop, the answer re-serialised).
 */
export const DIRECTORY_PAGE_QUERY = `query DirectoryPage($first: Int!) {
  identities(first: $first) {
    totalCount
    edges { node { id employeeNumber displayName email department title location status startDate } }
  }
}`;

/**
 * The same page with what workflow says each person should hold and what the connector provisioned:
 * the gateway asks identity for the page, then workflow and connector for the entities of the page
 * (one `_entities` call each, in parallel), and merges the three answers.
 */
export const ACCESS_PAGE_QUERY = `query AccessPage($first: Int!) {
  identities(first: $first) {
    totalCount
    edges {
      node {
        id employeeNumber displayName department status
        assignments { id applicationId entitlementKey status validFrom acknowledgedAt }
        accounts { applicationId userName status updatedAt }
      }
    }
  }
}`;

export interface DirectoryPage {
  readonly identities: { readonly totalCount: number; readonly edges: readonly { readonly node: { readonly id: string } }[] };
}

export interface AccessPage {
  readonly identities: {
    readonly totalCount: number;
    readonly edges: readonly {
      readonly node: {
        readonly id: string;
        readonly assignments: readonly { readonly status: string }[];
        readonly accounts: readonly { readonly status: string }[];
      };
    }[];
  };
}
