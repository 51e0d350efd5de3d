import type { Actor } from '@tenure/event-sourcing';

/**
 * Who is calling, as the service's business layer sees it. The business layer decides what a
 * caller may do from the data (the approval chain, the reporting line, ownership), never from a
 * role the caller claims.
 *
 * - `administrator`: an administrator token (ADMIN_TOKENS); acts as the actor `admin-token`.
 * - `person`: someone known to HR, by employee number, from a verified person token (interim,
 *   until sign-in through OpenID Connect at the gateway, issue 7); acts as `{ kind: 'person', id: employeeNumber }`.
 */
export type Caller =
  | { readonly kind: 'administrator'; readonly actor: Actor }
  | { readonly kind: 'person'; readonly employeeNumber: string; readonly actor: Actor };

export function personCaller(employeeNumber: string): Caller {
  return { kind: 'person', employeeNumber, actor: { kind: 'person', id: employeeNumber } };
}

export function isAdministrator(caller: Caller): caller is Extract<Caller, { kind: 'administrator' }> {
  return caller.kind === 'administrator';
}
