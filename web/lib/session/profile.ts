import { decodeJwt } from 'jose';
import type { PortalRole, Session } from './session-types';

export interface RoleGroups {
  administratorGroups: string[];
  auditorGroups: string[];
}

export type Profile = Pick<Session, 'employeeNumber' | 'name' | 'email' | 'roles'>;

/**
 * The person's profile from the provider's claims. The access token is the one the gateway reads, so its
 * claims win (the navigation then matches what the API allows); the ID token fills what it lacks.
 * The access token came straight from the token endpoint, so its claims are read without verifying it
 * here: the gateway verifies it on every call.
 */
export function profileFromTokens(accessToken: string, idTokenClaims: Record<string, unknown> | undefined, groups: RoleGroups): Profile {
  const claims = { ...(idTokenClaims ?? {}), ...readableClaims(accessToken) };
  const employeeNumber = stringClaim(claims, 'employee_number') ?? stringClaim(claims, 'sub');
  if (!employeeNumber) {
    throw new Error('The provider’s tokens carry neither employee_number nor sub: the portal cannot tell who signed in');
  }
  return {
    employeeNumber,
    name: stringClaim(claims, 'name') ?? employeeNumber,
    email: stringClaim(claims, 'email') ?? '',
    roles: rolesFromGroups(claims.groups, groups),
  };
}

export function rolesFromGroups(groupsClaim: unknown, groups: RoleGroups): PortalRole[] {
  const held = new Set(Array.isArray(groupsClaim) ? groupsClaim.filter((group): group is string => typeof group === 'string') : []);
  const roles: PortalRole[] = [];
  if (groups.administratorGroups.some((group) => held.has(group))) roles.push('administrator');
  if (groups.auditorGroups.some((group) => held.has(group))) roles.push('auditor');
  return roles;
}

/** Epoch milliseconds when the access token expires: `expires_in` when given, else its `exp`. */
export function accessTokenExpiry(accessToken: string, expiresInSeconds: number | undefined, now: Date): number {
  if (expiresInSeconds !== undefined) return now.getTime() + expiresInSeconds * 1000;
  const exp = readableClaims(accessToken).exp;
  if (typeof exp === 'number') return exp * 1000;
  throw new Error('The provider gave an access token with neither expires_in nor exp: the portal cannot tell when to refresh it');
}

function readableClaims(token: string): Record<string, unknown> {
  try {
    return decodeJwt(token);
  } catch {
    // An opaque access token: only the ID token's claims are known.
    return {};
  }
}

function stringClaim(claims: Record<string, unknown>, name: string): string | undefined {
  const value = claims[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
