/** What the command line reads from an access token. It never trusts it: the gateway verifies every token. */
export interface AccessTokenClaims {
  readonly employeeNumber?: string;
  readonly name?: string;
  readonly groups: readonly string[];
  /** When it expires; undefined when it does not say. */
  readonly expiresAt?: Date;
}

/**
 * The claims of a JWT access token, unverified; undefined when the token is not a JWT (an administrator API token,
 * or an opaque token from another provider).
 */
export function readAccessTokenClaims(token: string): AccessTokenClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  let payload: Record<string, unknown>;
  try {
    const decoded: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) return undefined;
    payload = decoded as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const { employee_number, name, groups, exp } = payload;
  return {
    ...(typeof employee_number === 'string' && employee_number ? { employeeNumber: employee_number } : {}),
    ...(typeof name === 'string' ? { name } : {}),
    groups: Array.isArray(groups) ? groups.filter((group): group is string => typeof group === 'string') : [],
    ...(typeof exp === 'number' ? { expiresAt: new Date(exp * 1000) } : {}),
  };
}
