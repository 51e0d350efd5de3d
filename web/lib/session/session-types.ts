/** A role the OpenID provider's groups give; everything else (manager, owner) comes from Tenure's data. */
export type PortalRole = 'administrator' | 'auditor';

/** The signed-in person, as pages and server actions see them. */
export interface Session {
  employeeNumber: string;
  name: string;
  email: string;
  roles: PortalRole[];
  accessToken: string;
  /** Epoch milliseconds when the access token expires. */
  expiresAt: number;
}

/** What the encrypted cookie holds: the session plus what only sign-in, refresh and sign-out need. */
export interface StoredSession extends Session {
  refreshToken?: string;
  /** Sent back to the provider as id_token_hint when signing out. */
  idToken?: string;
  /** Epoch milliseconds of the sign-in: a session never outlives its absolute limit, refreshed or not. */
  signedInAt: number;
}
