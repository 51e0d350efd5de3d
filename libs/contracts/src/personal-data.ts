/**
 * Personal data in identity events and its erasure (crypto-shredding, see docs/personal-data.md).
 * The personal fields are stored encrypted with a per-person key; once the key is destroyed they
 * read as ERASED_MARKER. `PersonalDataErased` (on the identity stream, with no personal data) tells
 * every read model that keeps a copy of those fields to blank them at once.
 */

/** What an erased personal field reads as, in events and in read models. */
export const ERASED_MARKER = '[erased]';

export const PERSONAL_DATA_ERASED = 'PersonalDataErased';

/** Personal data of a former employee was erased on legal request; carries no personal data itself. */
export interface PublishedPersonalDataErased {
  readonly type: typeof PERSONAL_DATA_ERASED;
  readonly data: {
    readonly identityId: string;
    readonly employeeNumber: string;
    readonly legalReference: string;
    readonly erasedBy: string;
    readonly erasedAt: string;
  };
}

/** The attributes of HR data that identify a person: encrypted in the log, blanked on erasure. */
export const PERSONAL_ATTRIBUTES = ['givenName', 'familyName', 'email'] as const;

interface AttributesWithPersonalFields {
  readonly givenName?: string;
  readonly familyName?: string;
  readonly email?: string;
  readonly custom?: Readonly<Record<string, string>>;
}

/**
 * The attributes with every personal field (names, email, every organisation-specific value) set to
 * the marker, exactly as they read from the log once the person's key is gone.
 */
export function erasePersonalAttributes<A extends AttributesWithPersonalFields>(attributes: A): A {
  const erased: Record<string, unknown> = { ...(attributes as Record<string, unknown>) };
  for (const name of PERSONAL_ATTRIBUTES) if (typeof attributes[name] === 'string') erased[name] = ERASED_MARKER;
  if (attributes.custom) erased['custom'] = Object.fromEntries(Object.keys(attributes.custom).map((key) => [key, ERASED_MARKER]));
  return erased as A;
}

/** True when the value is the erased marker (an erased person's name, email...). */
export function isErased(value: unknown): boolean {
  return value === ERASED_MARKER;
}
