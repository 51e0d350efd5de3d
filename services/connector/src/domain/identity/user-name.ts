import { isErased } from '@tenure/contracts';

/** What an erased person's account name becomes (their email, and so their user name, is personal data). */
export function erasedUserName(employeeNumber: string): string {
  return `erased-${employeeNumber}`;
}

/**
 * The account name Tenure asks every target for: the lower-cased local part of the identity's email
 * ("Jane.Doe@example.com" → "jane.doe"). It is taken once, when Tenure first sees the identity, and
 * kept: an email change later does not rename accounts (targets key on it, audits follow it).
 * Characters targets commonly refuse are replaced by "_".
 */
export function userNameFor(email: string, employeeNumber: string): string {
  if (isErased(email)) return erasedUserName(employeeNumber);
  const local = email.split('@')[0]?.trim().toLowerCase() ?? '';
  const cleaned = local.replace(/[^a-z0-9._-]/g, '_');
  return cleaned.length > 0 ? cleaned : `employee-${employeeNumber}`;
}
