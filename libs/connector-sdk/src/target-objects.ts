/** The account Tenure wants for an identity in one application. */
export interface AccountSpec {
  readonly userName: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly displayName: string;
  readonly email: string;
  /** Tenure's identity, kept where the target has room for it (for reconciliation and audits). */
  readonly identityId: string;
  readonly employeeNumber: string;
}

export type AccountChanges = Partial<Omit<AccountSpec, 'userName'>>;

/** An account as the target holds it. */
export interface TargetAccount {
  /** The target's own id (role name, DN, SCIM id...). */
  readonly accountId: string;
  readonly userName: string;
  readonly enabled: boolean;
  readonly displayName: string | null;
  readonly email: string | null;
  /** The employee number the target recorded for it, when it has one (orphan detection uses it). */
  readonly employeeNumber: string | null;
}

/** Something grantable in the target: a group role, an LDAP group, a SCIM group, a license... */
export interface TargetEntitlement {
  /** Stable key inside the application, e.g. the group's name. */
  readonly key: string;
  readonly displayName: string;
  readonly description: string | null;
  /** e.g. "group", "role", "license". */
  readonly kind: string;
}

export interface TargetGrant {
  readonly userName: string;
  readonly entitlementKey: string;
}
