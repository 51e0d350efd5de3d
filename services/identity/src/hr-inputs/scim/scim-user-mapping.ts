import { EMPLOYMENT_TYPES } from '../../domain/hr-record';
import type { EmploymentType, HrRecord } from '../../domain/hr-record';
import type { DirectoryIdentity } from './hr-directory';
import { CORE_USER_SCHEMA_ID, ENTERPRISE_USER_SCHEMA_ID, TENURE_HR_SCHEMA_ID } from './scim-schemas';

/**
 * Conventions between SCIM Users and HR records:
 * - `userName` IS the employee number: it is the one identifier HR keeps stable across name and
 *   email changes and rehires. The enterprise `employeeNumber`, when sent, must equal it.
 * - the work email is the primary email (else the one typed `work`, else the first).
 * - enterprise `manager.value` is the manager's employee number (not a SCIM id), so HR can name a
 *   manager Tenure has not seen yet.
 * - enterprise `organization`/`division` go to the record's custom attributes.
 * - absent `title`, `department`, `costCenter`, `location` are empty strings; absent
 *   `employmentType` is `employee`; absent `active` is true.
 */
export interface ScimUserMapping {
  readonly record: HrRecord;
  readonly externalId: string | null;
}

export type ScimProblemType = 'invalidValue' | 'invalidSyntax' | 'mutability';

export interface ScimAttributeProblem {
  readonly attribute: string;
  readonly problem: string;
  readonly scimType: ScimProblemType;
}

/** A SCIM User that cannot become an HR record; lists every problem, each naming its attribute. */
export class ScimUserInvalidError extends Error {
  constructor(readonly problems: readonly ScimAttributeProblem[]) {
    super(problems.map((each) => `${each.attribute}: ${each.problem}`).join('; '));
    this.name = 'ScimUserInvalidError';
  }

  get scimType(): ScimProblemType {
    return this.problems[0]?.scimType ?? 'invalidValue';
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const EMPLOYEE_NUMBER = /^\S{1,64}$/;

/** Reads a SCIM User (plain JSON, as SCIMMY coerced it) into an HR record. */
export function scimUserToHrRecord(user: unknown): ScimUserMapping {
  const problems: ScimAttributeProblem[] = [];
  const invalid = (attribute: string, problem: string): void => {
    problems.push({ attribute, problem, scimType: 'invalidValue' });
  };
  const body = asRecord(user);
  const name = asRecord(body['name']);
  const enterprise = asRecord(body[ENTERPRISE_USER_SCHEMA_ID]);
  const hr = asRecord(body[TENURE_HR_SCHEMA_ID]);

  const employeeNumber = text(body['userName']);
  if (!employeeNumber) invalid('userName', 'is required (the employee number)');
  else if (!EMPLOYEE_NUMBER.test(employeeNumber)) invalid('userName', 'must be an employee number without spaces, at most 64 characters');
  const enterpriseNumber = text(enterprise['employeeNumber']);
  if (enterpriseNumber && enterpriseNumber !== employeeNumber) {
    invalid(
      `${ENTERPRISE_USER_SCHEMA_ID}:employeeNumber`,
      `"${enterpriseNumber}" differs from userName "${employeeNumber}"; they must be equal`,
    );
  }

  const givenName = text(name['givenName']);
  if (!givenName) invalid('name.givenName', 'is required');
  const familyName = text(name['familyName']);
  if (!familyName) invalid('name.familyName', 'is required');

  const email = workEmail(body['emails'], invalid);

  const manager = text(asRecord(enterprise['manager'])['value']);
  if (manager && manager === employeeNumber) invalid(`${ENTERPRISE_USER_SCHEMA_ID}:manager.value`, 'a person cannot be their own manager');

  const employmentType = text(hr['employmentType']) || 'employee';
  if (!isEmploymentType(employmentType)) {
    invalid(`${TENURE_HR_SCHEMA_ID}:employmentType`, `"${employmentType}" is not one of ${EMPLOYMENT_TYPES.join(', ')}`);
  }
  const startDate = text(hr['startDate']);
  if (!startDate) invalid(`${TENURE_HR_SCHEMA_ID}:startDate`, 'is required (YYYY-MM-DD)');
  else if (!isIsoDate(startDate)) invalid(`${TENURE_HR_SCHEMA_ID}:startDate`, `"${startDate}" is not a date in the form YYYY-MM-DD`);
  const terminationDate = text(hr['terminationDate']) || null;
  if (terminationDate && !isIsoDate(terminationDate)) {
    invalid(`${TENURE_HR_SCHEMA_ID}:terminationDate`, `"${terminationDate}" is not a date in the form YYYY-MM-DD`);
  } else if (terminationDate && startDate && isIsoDate(startDate) && terminationDate < startDate) {
    invalid(`${TENURE_HR_SCHEMA_ID}:terminationDate`, `${terminationDate} is before startDate ${startDate}`);
  }

  const active = body['active'];
  if (active !== undefined && typeof active !== 'boolean') invalid('active', 'must be true or false');

  if (problems.length > 0) throw new ScimUserInvalidError(problems);

  const custom: Record<string, string> = {};
  for (const key of ['organization', 'division'] as const) {
    const value = text(enterprise[key]);
    if (value) custom[key] = value;
  }
  return {
    record: {
      employeeNumber,
      attributes: {
        givenName,
        familyName,
        email,
        department: text(enterprise['department']),
        title: text(body['title']),
        managerEmployeeNumber: manager || null,
        location: text(hr['location']),
        costCenter: text(enterprise['costCenter']),
        employmentType: employmentType as EmploymentType,
        custom,
      },
      startDate,
      terminationDate,
      active: active !== false,
    },
    externalId: text(body['externalId']) || null,
  };
}

/** The employee number never changes through SCIM: a different person needs a new identity. */
export function assertEmployeeNumberUnchanged(current: HrRecord, incoming: HrRecord): void {
  if (current.employeeNumber !== incoming.employeeNumber) {
    throw new ScimUserInvalidError([
      {
        attribute: 'userName',
        problem: `is the employee number and cannot change from "${current.employeeNumber}" to "${incoming.employeeNumber}"`,
        scimType: 'mutability',
      },
    ]);
  }
}

/** The SCIM User for an identity, before SCIMMY adds `schemas`, `meta.location` and filters attributes. */
export function identityToScimUser(identity: DirectoryIdentity): Record<string, unknown> {
  const { record } = identity;
  const { attributes } = record;
  const enterprise = withoutEmpty({
    employeeNumber: record.employeeNumber,
    department: attributes.department,
    costCenter: attributes.costCenter,
    organization: attributes.custom['organization'],
    division: attributes.custom['division'],
    manager: attributes.managerEmployeeNumber ? { value: attributes.managerEmployeeNumber } : undefined,
  });
  const hr = withoutEmpty({
    startDate: record.startDate,
    terminationDate: record.terminationDate ?? undefined,
    location: attributes.location,
    employmentType: attributes.employmentType,
  });
  return withoutEmpty({
    schemas: [CORE_USER_SCHEMA_ID, ENTERPRISE_USER_SCHEMA_ID, TENURE_HR_SCHEMA_ID],
    id: identity.id,
    externalId: identity.externalId ?? undefined,
    userName: record.employeeNumber,
    name: {
      givenName: attributes.givenName,
      familyName: attributes.familyName,
      formatted: `${attributes.givenName} ${attributes.familyName}`,
    },
    displayName: `${attributes.givenName} ${attributes.familyName}`,
    title: attributes.title,
    active: identity.status !== 'terminated' && record.active,
    emails: [{ value: attributes.email, type: 'work', primary: true }],
    [ENTERPRISE_USER_SCHEMA_ID]: enterprise,
    [TENURE_HR_SCHEMA_ID]: hr,
    meta: { created: identity.created, lastModified: identity.lastModified, version: etagOf(identity.version) },
  });
}

/** A weak ETag: the version says the HR meaning is the same, not that the bytes are. */
export function etagOf(version: string): string {
  return `W/"${version}"`;
}

function workEmail(emails: unknown, invalid: (attribute: string, problem: string) => void): string {
  if (emails === undefined || emails === null) {
    invalid('emails', 'a work email is required');
    return '';
  }
  if (!Array.isArray(emails)) {
    invalid('emails', 'must be a list');
    return '';
  }
  const entries = emails.map(asRecord);
  if (entries.filter((each) => each['primary'] === true).length > 1) invalid('emails', 'only one email may be primary');
  const chosen =
    entries.find((each) => each['primary'] === true) ?? entries.find((each) => text(each['type']).toLowerCase() === 'work') ?? entries[0];
  const value = text(chosen?.['value']).toLowerCase();
  if (!value) invalid('emails', 'a work email is required');
  else if (!EMAIL.test(value)) invalid('emails.value', `"${value}" is not an email address`);
  return value;
}

function isEmploymentType(value: string): value is EmploymentType {
  return (EMPLOYMENT_TYPES as readonly string[]).includes(value);
}

function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function withoutEmpty(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== ''));
}
