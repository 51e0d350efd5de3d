import type { Actor } from '@tenure/event-sourcing';

/** Platform roles an identity provider grants (by group); every other right comes from Tenure's data. */
export const CALLER_ROLES = ['administrator', 'auditor'] as const;
export type CallerRole = (typeof CALLER_ROLES)[number];

/**
 * Who is calling, as the service's business layer sees it. Beyond the two platform roles, the
 * business layer decides what a caller may do from the data (the approval chain, the reporting line,
 * ownership), never from a role the caller claims.
 *
 * - `administrator`: an administrator API token (ADMIN_TOKENS), for automation; acts as `admin-token`.
 * - `person`: someone known to HR, by employee number, signed in through OpenID Connect and vouched
 *   for by the gateway (a caller token); acts as `{ kind: 'person', id: employeeNumber }`. `roles`
 *   holds `administrator` (changes configuration, sees everything) and `auditor` (reads everything,
 *   changes nothing) when the identity provider gave them.
 */
export type Caller =
  | { readonly kind: 'administrator'; readonly actor: Actor }
  | { readonly kind: 'person'; readonly employeeNumber: string; readonly roles: readonly CallerRole[]; readonly actor: Actor };

export function personCaller(employeeNumber: string, roles: readonly CallerRole[] = []): Caller {
  return { kind: 'person', employeeNumber, roles, actor: { kind: 'person', id: employeeNumber } };
}

/** An administrator token, or a person with the administrator role: may change configuration and act on anyone's behalf. */
export function isAdministrator(caller: Caller): boolean {
  return caller.kind === 'administrator' || caller.roles.includes('administrator');
}

/** May read everything: administrators and auditors. */
export function isReader(caller: Caller): boolean {
  return isAdministrator(caller) || (caller.kind === 'person' && caller.roles.includes('auditor'));
}

/** The caller's employee number, or undefined for an administrator token (which is nobody in HR). */
export function employeeNumberOf(caller: Caller): string | undefined {
  return caller.kind === 'person' ? caller.employeeNumber : undefined;
}
