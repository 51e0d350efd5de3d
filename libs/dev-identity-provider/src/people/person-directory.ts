import { createHash, timingSafeEqual } from 'node:crypto';
import { ADMINISTRATORS_GROUP, AUDITORS_GROUP } from '../constants';
import { type DevPerson, isEmployedOn } from './dev-person';

/** Who holds a Tenure role through the provider's groups, by employee number. */
export interface DevRoleMembers {
  readonly administrators: readonly string[];
  readonly auditors: readonly string[];
}

/** Thrown at start when a role names someone who is not in the HR file. */
export class UnknownRoleMemberError extends Error {
  constructor(role: string, employeeNumbers: readonly string[], source: string) {
    super(`${role}: employee number(s) ${employeeNumbers.join(', ')} are not among the people of ${source}`);
    this.name = 'UnknownRoleMemberError';
  }
}

/** The claims every token and ID token carries about a person. */
export interface PersonClaims {
  readonly sub: string;
  readonly employee_number: string;
  readonly name: string;
  readonly given_name: string;
  readonly family_name: string;
  readonly email?: string;
  readonly groups: readonly string[];
}

/** The people who can sign in, found by employee number or email, with their groups. */
export class PersonDirectory {
  private readonly byEmployeeNumber = new Map<string, DevPerson>();
  private readonly byEmail = new Map<string, DevPerson>();
  private readonly administrators: ReadonlySet<string>;
  private readonly auditors: ReadonlySet<string>;
  private readonly passwordDigest: Buffer;

  constructor(people: readonly DevPerson[], roles: DevRoleMembers, demoPassword: string, source: string) {
    for (const person of people) {
      this.byEmployeeNumber.set(person.employeeNumber, person);
      const email = person.email.toLowerCase();
      if (email && !this.byEmail.has(email)) this.byEmail.set(email, person);
    }
    this.administrators = this.knownMembers('administrators', roles.administrators, source);
    this.auditors = this.knownMembers('auditors', roles.auditors, source);
    this.passwordDigest = digest(demoPassword);
  }

  get size(): number {
    return this.byEmployeeNumber.size;
  }

  findByEmployeeNumber(employeeNumber: string): DevPerson | undefined {
    return this.byEmployeeNumber.get(employeeNumber);
  }

  /**
   * The person signing in with this employee number or email and the demo password, if they are employed on
   * `today` (YYYY-MM-DD). Undefined for every kind of refusal, so callers cannot tell which it was.
   */
  authenticate(login: string, password: string, today: string): DevPerson | undefined {
    const trimmed = login.trim();
    const person = this.byEmployeeNumber.get(trimmed) ?? this.byEmail.get(trimmed.toLowerCase());
    // Compare digests in constant time, and always compare, so a refusal takes as long whoever asked.
    const passwordMatches = timingSafeEqual(digest(password), this.passwordDigest);
    if (!person || !passwordMatches || !isEmployedOn(person, today)) return undefined;
    return person;
  }

  groupsOf(employeeNumber: string): string[] {
    const groups: string[] = [];
    if (this.administrators.has(employeeNumber)) groups.push(ADMINISTRATORS_GROUP);
    if (this.auditors.has(employeeNumber)) groups.push(AUDITORS_GROUP);
    return groups;
  }

  claimsOf(person: DevPerson): PersonClaims {
    return {
      sub: person.employeeNumber,
      employee_number: person.employeeNumber,
      name: person.name,
      given_name: person.givenName,
      family_name: person.familyName,
      ...(person.email ? { email: person.email } : {}),
      groups: this.groupsOf(person.employeeNumber),
    };
  }

  private knownMembers(role: string, employeeNumbers: readonly string[], source: string): ReadonlySet<string> {
    const unknown = employeeNumbers.filter((employeeNumber) => !this.byEmployeeNumber.has(employeeNumber));
    if (unknown.length > 0) throw new UnknownRoleMemberError(role, unknown, source);
    return new Set(employeeNumbers);
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
