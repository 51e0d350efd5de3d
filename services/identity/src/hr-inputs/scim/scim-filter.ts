import SCIMMY from 'scimmy';
import { FILTER_OPERATORS } from './hr-directory';
import type { FilterCondition, FilterOperator, IdentityFilter, IdentityFilterField } from './hr-directory';
import { ENTERPRISE_USER_SCHEMA_ID, TENURE_HR_SCHEMA_ID } from './scim-schemas';

/** SCIM attribute paths (lower case, as SCIM names are case-insensitive) and the field each tests. */
const FIELD_BY_PATH: Readonly<Record<string, IdentityFilterField>> = {
  id: 'id',
  externalid: 'externalId',
  username: 'employeeNumber',
  'name.givenname': 'givenName',
  'name.familyname': 'familyName',
  displayname: 'displayName',
  emails: 'email',
  'emails.value': 'email',
  'emails.type': 'emailType',
  title: 'title',
  active: 'active',
  'meta.created': 'created',
  'meta.lastmodified': 'lastModified',
  ...extensionPaths(ENTERPRISE_USER_SCHEMA_ID, {
    employeenumber: 'employeeNumber',
    department: 'department',
    costcenter: 'costCenter',
    organization: 'organization',
    division: 'division',
    manager: 'managerEmployeeNumber',
    'manager.value': 'managerEmployeeNumber',
  }),
  ...extensionPaths(TENURE_HR_SCHEMA_ID, {
    startdate: 'startDate',
    terminationdate: 'terminationDate',
    location: 'location',
    employmenttype: 'employmentType',
  }),
};

function extensionPaths(schemaId: string, fields: Readonly<Record<string, IdentityFilterField>>): Record<string, IdentityFilterField> {
  const paths: Record<string, IdentityFilterField> = {};
  for (const [path, field] of Object.entries(fields)) {
    paths[`${schemaId.toLowerCase()}:${path}`] = field;
    // Clients often send a bare extension attribute (`department eq "Sales"`); no core attribute clashes.
    paths[path] = paths[path] ?? field;
  }
  return paths;
}

export const FILTERABLE_SCIM_ATTRIBUTES: readonly string[] = Object.keys(FIELD_BY_PATH);

export class UnsupportedFilterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedFilterError';
  }
}

/**
 * Turns a SCIM filter string into the directory's filter. SCIMMY parses the string (throwing a
 * SCIM `invalidFilter` error on bad syntax) into OR-groups of AND-ed attribute comparisons; this
 * maps each attribute path to an identity field and rejects paths the directory cannot test.
 */
export function toIdentityFilter(expression: string): IdentityFilter {
  return fromScimmyFilter(new SCIMMY.Types.Filter(expression));
}

/** As `toIdentityFilter`, for a filter SCIMMY has already parsed (a resource's `filter`). */
export function fromScimmyFilter(parsed: readonly unknown[]): IdentityFilter {
  return parsed.map((group) => conditionsOf(group, ''));
}

function conditionsOf(node: unknown, prefix: string): FilterCondition[] {
  if (!isRecord(node)) throw new UnsupportedFilterError(`filter: unexpected expression ${JSON.stringify(node)}`);
  return Object.entries(node).flatMap(([name, value]) => {
    const path = prefix ? `${prefix}.${name}` : name;
    if (isComparison(value)) return [condition(path, value)];
    if (Array.isArray(value) && value.every(isComparison)) return value.map((each) => condition(path, each));
    return conditionsOf(value, path);
  });
}

function condition(path: string, comparison: readonly unknown[]): FilterCondition {
  const field = FIELD_BY_PATH[path.toLowerCase()];
  if (!field) {
    throw new UnsupportedFilterError(
      `filter attribute "${path}" cannot be filtered on; use one of: ${FILTERABLE_SCIM_ATTRIBUTES.join(', ')}`,
    );
  }
  const negated = comparison[0] === 'not';
  const [operatorName, value] = negated ? comparison.slice(1) : comparison;
  const operator = FILTER_OPERATORS.find((known) => known === String(operatorName).toLowerCase());
  if (!operator) throw new UnsupportedFilterError(`filter operator "${String(operatorName)}" on "${path}" is not supported`);
  if (operator === 'pr') return { field, operator, negated };
  return { field, operator, value: filterValue(path, operator, value), negated };
}

function filterValue(path: string, operator: FilterOperator, value: unknown): string | number | boolean | null {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  throw new UnsupportedFilterError(`filter value for "${path} ${operator}" must be a string, number, boolean or null`);
}

function isComparison(value: unknown): value is readonly unknown[] {
  return Array.isArray(value) && typeof value[0] === 'string';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
