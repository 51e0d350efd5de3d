/** One person of the HR file who can sign in to the development provider. */
export interface DevPerson {
  readonly employeeNumber: string;
  readonly givenName: string;
  readonly familyName: string;
  /** Given and family name, as the `name` claim carries it. */
  readonly name: string;
  /** Empty when the HR file has no address for this person. */
  readonly email: string;
  /** ISO dates (YYYY-MM-DD) from the HR file; absent when the file leaves them empty. */
  readonly startDate?: string;
  readonly terminationDate?: string;
}

/** True while the person is employed on `today` (YYYY-MM-DD): started, and not past their last day. */
export function isEmployedOn(person: DevPerson, today: string): boolean {
  if (person.startDate !== undefined && person.startDate > today) return false;
  if (person.terminationDate !== undefined && person.terminationDate < today) return false;
  return true;
}
