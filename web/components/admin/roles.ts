import type { Session } from '@/lib/session';

// The portal hides what the caller may not do; the services refuse it anyway. Auditors read everything and
// change nothing; a person with both roles acts as an administrator.

/** Administrators and auditors read the whole organisation (Administration and Audit). */
export function readsEverything(session: Pick<Session, 'roles'>): boolean {
  return session.roles.includes('administrator') || session.roles.includes('auditor');
}

export function isAdministrator(session: Pick<Session, 'roles'>): boolean {
  return session.roles.includes('administrator');
}

/** False for auditors: no mutation buttons for them. */
export function mayChange(session: Pick<Session, 'roles'>): boolean {
  return isAdministrator(session) || !session.roles.includes('auditor');
}
