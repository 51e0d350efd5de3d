import 'server-only';
import { graphql } from '@/lib/graphql';

interface EntitlementRef {
  key: string;
}

export interface PolicySet {
  roles: { id: string; name: string; description: string; entitlements: EntitlementRef[] }[];
  birthrightRules: {
    id: string;
    name: string;
    conditionDescription: string;
    roles: string[];
    entitlements: EntitlementRef[];
    enabled: boolean;
  }[];
  sodRules: {
    id: string;
    name: string;
    severity: string;
    action: string;
    sets: { name: string; entitlements: EntitlementRef[]; roles: string[] }[];
  }[];
  accessPolicies: {
    id: string;
    name: string;
    scope: { kind: string; application: string | null; entitlement: EntitlementRef | null };
    requestable: boolean;
    requestableByDescription: string | null;
    maxDurationHours: number | null;
    risk: string;
    breakGlass: boolean;
    approvalChain: { kind: string; group: string | null; approvals: number }[];
  }[];
  approverGroups: { id: string; name: string; members: string[] }[];
}

const POLICY_SET_FIELDS = `
  roles { id name description entitlements { key } }
  birthrightRules { id name conditionDescription roles entitlements { key } enabled }
  sodRules { id name severity action sets { name entitlements { key } roles } }
  accessPolicies {
    id name requestable requestableByDescription maxDurationHours risk breakGlass
    scope { kind application entitlement { key } }
    approvalChain { kind group approvals }
  }
  approverGroups { id name members }
`;

export interface PolicyVersionSummary {
  version: number;
  publishedAt: string;
  publishedBy: string;
  note: string;
}

export interface PoliciesView {
  draft: { basedOnVersion: number | null; changed: boolean; changedAt: string | null; changedBy: string | null; policy: PolicySet };
  versions: PolicyVersionSummary[];
}

export async function policiesView(): Promise<PoliciesView> {
  const answer = await graphql<{ policyDraft: PoliciesView['draft']; policyVersions: PolicyVersionSummary[] }>(
    `query Policies {
      policyDraft { basedOnVersion changed changedAt changedBy policy { ${POLICY_SET_FIELDS} } }
      policyVersions { version publishedAt publishedBy note }
    }`,
  );
  return { draft: answer.policyDraft, versions: answer.policyVersions };
}

export interface PolicySimulation {
  currentVersion: number | null;
  identities: number;
  added: number;
  removed: number;
  newViolations: number;
  perRule: { ruleId: string; ruleName: string; added: number; removed: number }[];
  newViolationsPerRule: { ruleId: string; ruleName: string; count: number }[];
  affected: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      node: {
        identityId: string;
        employeeNumber: string;
        identity: { displayName: string; department: string; title: string };
        added: EntitlementRef[];
        removed: EntitlementRef[];
        newViolations: string[];
      };
    }[];
  };
}

export const SIMULATION_PAGE_SIZE = 20;

export async function simulateDraft(after: string | undefined): Promise<PolicySimulation> {
  const answer = await graphql<{ simulatePolicyDraft: PolicySimulation }>(
    `
      query SimulateDraft($after: String, $first: Int!) {
        simulatePolicyDraft(after: $after, first: $first) {
          currentVersion
          identities
          added
          removed
          newViolations
          perRule {
            ruleId
            ruleName
            added
            removed
          }
          newViolationsPerRule {
            ruleId
            ruleName
            count
          }
          affected {
            totalCount
            pageInfo {
              hasNextPage
              endCursor
            }
            edges {
              node {
                identityId
                employeeNumber
                identity {
                  displayName
                  department
                  title
                }
                added {
                  key
                }
                removed {
                  key
                }
                newViolations
              }
            }
          }
        }
      }
    `,
    { after: after ?? null, first: SIMULATION_PAGE_SIZE },
  );
  return answer.simulatePolicyDraft;
}
