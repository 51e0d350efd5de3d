import 'server-only';
import { graphql } from '../graphql';

export type AssignmentStatus = 'PENDING_PROVISIONING' | 'ACTIVE' | 'REVOKING' | 'REVOKED';
export type AssignmentSourceKind = 'BIRTHRIGHT' | 'REQUEST' | 'BREAK_GLASS' | 'REVIEW' | 'EXCEPTION' | 'ADOPTED_DRIFT';

export interface AssignmentRow {
  id: string;
  applicationId: string;
  entitlementKey: string;
  status: AssignmentStatus;
  source: { kind: AssignmentSourceKind; reference: string; policyVersion: number | null };
  validFrom: string;
  validUntil: string | null;
  durationMs: number | null;
  addedAt: string;
  acknowledgedAt: string | null;
  revokedAt: string | null;
  revocationReason: string | null;
  revocationAcknowledgedAt: string | null;
  provisioningFailure: { action: string; errorKind: string; message: string; failedAt: string } | null;
}

export interface AccountRow {
  applicationId: string;
  userName: string;
  status: 'ENABLED' | 'DISABLED';
  updatedAt: string;
}

export interface GrantRow {
  applicationId: string;
  entitlementKey: string;
  assignmentId: string | null;
  grantedAt: string;
}

export interface BirthrightReasonRow {
  ruleId: string;
  ruleName: string;
  roleId: string | null;
  roleName: string | null;
}

export interface MyAccess {
  identityId: string;
  displayName: string;
  assignments: AssignmentRow[];
  accounts: AccountRow[];
  grants: GrantRow[];
  /** Birthright reasons by "application:entitlement". */
  birthrightReasons: Map<string, BirthrightReasonRow[]>;
  /** Application names by id. */
  applicationNames: Map<string, string>;
}

const MY_ACCESS = /* GraphQL */ `
  query MyAccess($employeeNumber: String!, $includeRevoked: Boolean!) {
    identityByEmployeeNumber(employeeNumber: $employeeNumber) {
      id
      displayName
      assignments(includeRevoked: $includeRevoked) {
        id
        applicationId
        entitlementKey
        status
        source {
          kind
          reference
          policyVersion
        }
        validFrom
        validUntil
        durationMs
        addedAt
        acknowledgedAt
        revokedAt
        revocationReason
        revocationAcknowledgedAt
        provisioningFailure {
          action
          errorKind
          message
          failedAt
        }
      }
      accounts {
        applicationId
        userName
        status
        updatedAt
      }
      grants {
        applicationId
        entitlementKey
        assignmentId
        grantedAt
      }
      birthright {
        entitlements {
          entitlement {
            key
          }
          reasons {
            ruleId
            ruleName
            roleId
            roleName
          }
        }
      }
    }
    applications {
      id
      name
    }
  }
`;

interface MyAccessResponse {
  identityByEmployeeNumber:
    | (Omit<MyAccess, 'birthrightReasons' | 'applicationNames' | 'identityId'> & {
        id: string;
        birthright: { entitlements: { entitlement: { key: string }; reasons: BirthrightReasonRow[] }[] } | null;
      })
    | null;
  applications: { id: string; name: string }[];
}

/** Everything the person holds (and, with includeRevoked, held), with why, and what the targets say. Null when HR does not know them. */
export async function loadMyAccess(employeeNumber: string, includeRevoked: boolean): Promise<MyAccess | null> {
  const data = await graphql<MyAccessResponse>(MY_ACCESS, { employeeNumber, includeRevoked });
  const identity = data.identityByEmployeeNumber;
  if (!identity) return null;
  return {
    identityId: identity.id,
    displayName: identity.displayName,
    assignments: identity.assignments,
    accounts: identity.accounts,
    grants: identity.grants,
    birthrightReasons: new Map((identity.birthright?.entitlements ?? []).map((item) => [item.entitlement.key, item.reasons])),
    applicationNames: new Map(data.applications.map((application) => [application.id, application.name])),
  };
}
