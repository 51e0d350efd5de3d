import type { FilterCondition, IdentityFilter, IdentityFilterField } from './hr-directory';

/**
 * Translates the directory's filter (OR of AND-groups) into a SQL condition over
 * `identity_directory d LEFT JOIN scim_external_ids x`. Values only ever travel as parameters
 * (`$n`), appended to `parameters`; the SQL text holds nothing but fixed column expressions.
 */
export function identityFilterSql(filter: IdentityFilter | null, parameters: unknown[]): string {
  if (filter === null || filter.length === 0) return 'true';
  return filter.map((group) => `(${group.map((each) => conditionSql(each, parameters)).join(' AND ') || 'true'})`).join(' OR ');
}

type ColumnKind = 'text' | 'boolean' | 'timestamp';

interface Column {
  readonly sql: string;
  readonly kind: ColumnKind;
}

const text = (sql: string): Column => ({ sql, kind: 'text' });

const COLUMN_BY_FIELD: Readonly<Record<IdentityFilterField, Column>> = {
  id: text('d.identity_id'),
  externalId: text('x.external_id'),
  employeeNumber: text('d.employee_number'),
  givenName: text('d.given_name'),
  familyName: text('d.family_name'),
  displayName: text(`d.given_name || ' ' || d.family_name`),
  email: text('d.email'),
  // Every identity has exactly one email, its work email.
  emailType: text(`'work'`),
  title: text('d.title'),
  active: { sql: `d.status <> 'terminated'`, kind: 'boolean' },
  department: text('d.department'),
  managerEmployeeNumber: text('d.manager_employee_number'),
  costCenter: text('d.cost_center'),
  organization: text(`d.custom ->> 'organization'`),
  division: text(`d.custom ->> 'division'`),
  location: text('d.location'),
  employmentType: text('d.employment_type'),
  startDate: text('d.start_date'),
  terminationDate: text('coalesce(d.termination_date, d.scheduled_termination_date)'),
  created: { sql: 'd.created_at', kind: 'timestamp' },
  lastModified: { sql: 'd.updated_at', kind: 'timestamp' },
};

function conditionSql(condition: FilterCondition, parameters: unknown[]): string {
  const column = COLUMN_BY_FIELD[condition.field];
  const sql = comparisonSql(`(${column.sql})`, column.kind, condition, parameters);
  return condition.negated ? `NOT coalesce(${sql}, false)` : sql;
}

const ORDERING = { gt: '>', lt: '<', ge: '>=', le: '<=' } as const;

function comparisonSql(column: string, kind: ColumnKind, { operator, value }: FilterCondition, parameters: unknown[]): string {
  if (operator === 'pr') return kind === 'text' ? `coalesce(${column}, '') <> ''` : `${column} IS NOT NULL`;
  if (value === null || value === undefined) return operator === 'ne' ? `${column} IS NOT NULL` : `${column} IS NULL`;
  const parameter = (cast: string): string => {
    parameters.push(kind === 'boolean' ? value : String(value));
    return `$${parameters.length}::${cast}`;
  };
  if (kind === 'boolean') {
    if (typeof value !== 'boolean') return 'false'; // `active eq "yes"` matches nothing, as SCIM compares by type
    if (operator === 'eq') return `${column} = ${parameter('boolean')}`;
    if (operator === 'ne') return `${column} <> ${parameter('boolean')}`;
    return 'false';
  }
  if (kind === 'timestamp') {
    switch (operator) {
      case 'eq':
        return `${column} = ${parameter('timestamptz')}`;
      case 'ne':
        return `${column} <> ${parameter('timestamptz')}`;
      case 'gt':
      case 'lt':
      case 'ge':
      case 'le':
        return `${column} ${ORDERING[operator]} ${parameter('timestamptz')}`;
      default:
        // co/sw/ew on a date-time compare its ISO text
        return textComparison(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')`, operator, parameter);
    }
  }
  return textComparison(column, operator, parameter);
}

/** Case-insensitive, as every filterable SCIM attribute here is `caseExact: false` (ids are lower-case uuids). */
function textComparison(column: string, operator: Exclude<FilterCondition['operator'], 'pr'>, parameter: (cast: string) => string): string {
  const lowered = `lower(${column})`;
  const value = `lower(${parameter('text')})`;
  const like = (pattern: string): string => `${lowered} LIKE ${pattern} ESCAPE '\\'`;
  const literal = (): string => `replace(replace(replace(${value}, '\\', '\\\\'), '%', '\\%'), '_', '\\_')`;
  switch (operator) {
    case 'eq':
      return `${lowered} = ${value}`;
    case 'ne':
      return `${lowered} IS DISTINCT FROM ${value}`;
    case 'co':
      return like(`'%' || ${literal()} || '%'`);
    case 'sw':
      return like(`${literal()} || '%'`);
    case 'ew':
      return like(`'%' || ${literal()}`);
    case 'gt':
    case 'lt':
    case 'ge':
    case 'le':
      return `${lowered} ${ORDERING[operator]} ${value}`;
    default: {
      const unknownOperator: never = operator;
      throw new Error(`unknown filter operator ${String(unknownOperator)}`);
    }
  }
}
