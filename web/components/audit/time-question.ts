// "What was held at T": the instant and the basis the audit page asks the workflow service about
// (Query.holdersAt, Identity.accessAt). Every time the page reads or shows is UTC, so what an auditor types
// means the same instant whatever the browser's or the server's time zone.

export const HELD_BASES = ['IN_APPLICATION', 'ASSIGNED'] as const;
export type HeldBasis = (typeof HELD_BASES)[number];

/** The basis's name and its one-line meaning, as the page shows them. */
export const HELD_BASIS_TEXT: Record<HeldBasis, { label: string; explanation: string }> = {
  IN_APPLICATION: {
    label: 'In the application',
    explanation: 'from the application’s acknowledgement of the grant to its acknowledgement of the removal',
  },
  ASSIGNED: {
    label: 'Assigned',
    explanation: 'from the grant decision to the revocation decision, whether or not the application had applied it',
  },
};

export interface TimeQuestion {
  at: Date;
  basis: HeldBasis;
}

export interface TimeQuestionErrors {
  at?: string;
  basis?: string;
}

/** A datetime-local value ("2026-11-26T10:30" or with seconds) read as UTC; null when it is not one. */
export function parseUtcLocal(value: string | undefined): Date | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value)) return null;
  const date = new Date(`${value.length === 16 ? `${value}:00` : value}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The datetime-local text (UTC, to the second) of an instant: what the time field shows back. */
export function utcLocalText(at: Date): string {
  return at.toISOString().slice(0, 19);
}

/**
 * The instant (empty: `now`) and basis (empty: in the application) of a question, or the problem of each
 * field. Instants after `now` are refused: the records answer for the past, not for what may still change.
 */
export function readTimeQuestion(
  atText: string | undefined,
  basisText: string | undefined,
  now: Date,
): { question: TimeQuestion; errors?: undefined } | { question?: undefined; errors: TimeQuestionErrors } {
  const errors: TimeQuestionErrors = {};
  const at = atText ? parseUtcLocal(atText) : now;
  if (!at) errors.at = `“${atText}” is not a UTC date and time such as 2026-11-26T10:30:00.`;
  else if (at.getTime() > now.getTime())
    errors.at = `${utcLocalText(at)} UTC is in the future; ask about a past instant or leave it empty for now.`;
  const basis = basisText ?? 'IN_APPLICATION';
  if (!isHeldBasis(basis)) errors.basis = `“${basisText}” is not a basis: choose in the application or assigned.`;
  if (errors.at || errors.basis || !at || !isHeldBasis(basis)) return { errors };
  return { question: { at, basis } };
}

/** "erp:vendor-create" as the application and the entitlement key (which may itself hold colons); null otherwise. */
export function readEntitlement(text: string): { applicationId: string; entitlementKey: string } | null {
  const separator = text.indexOf(':');
  if (separator <= 0 || separator === text.length - 1) return null;
  return { applicationId: text.slice(0, separator), entitlementKey: text.slice(separator + 1) };
}

function isHeldBasis(value: string): value is HeldBasis {
  return (HELD_BASES as readonly string[]).includes(value);
}

/** "2026-11-26 10:30:15 UTC": audit answers show instants to the second, since a grant and its question may share a minute. */
export function formatInstant(iso: string | Date): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  return Number.isNaN(date.getTime()) ? String(iso) : `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
