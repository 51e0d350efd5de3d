import { DomainError } from '@tenure/event-sourcing';
import type { Pool } from 'pg';
import type { HrRecord, HrSource } from '../../../domain/hr-record';
import type {
  DirectoryIdentity,
  DirectoryIdentityStatus,
  DirectoryPage,
  DirectoryQuery,
  FilterCondition,
  HrDirectory,
  IdentityFilter,
  IdentityFilterField,
  SyncIdentity,
  TerminateIdentity,
} from '../hr-directory';

/**
 * Test support: the HrDirectory port on one plain PostgreSQL table, so SCIM tests run against a
 * real database. Not the production implementation (that one sits on the event store): no domain
 * rules beyond unique employee numbers and optimistic versions.
 */
export class TableBackedDirectory implements HrDirectory {
  constructor(private readonly pool: Pool) {}

  async migrate(): Promise<void> {
    await this.pool.query(`
      CREATE TABLE IF NOT EXISTS scim_test_identities (
        seq bigserial UNIQUE,
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employee_number text NOT NULL UNIQUE,
        external_id text,
        record jsonb NOT NULL,
        status text NOT NULL,
        version bigint NOT NULL,
        created timestamptz NOT NULL DEFAULT now(),
        last_modified timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE IF NOT EXISTS scim_test_changes (
        seq bigserial PRIMARY KEY,
        identity_id uuid NOT NULL,
        kind text NOT NULL,
        source jsonb NOT NULL,
        record jsonb NOT NULL
      );`);
  }

  async list(query: DirectoryQuery): Promise<DirectoryPage> {
    const parameters: unknown[] = [];
    const where = query.filter ? filterSql(query.filter, parameters) : 'true';
    const total = await this.pool.query<{ total: string }>(`SELECT count(*) AS total FROM scim_test_identities WHERE ${where}`, parameters);
    const rows = await this.pool.query<IdentityRow>(
      `SELECT * FROM scim_test_identities WHERE ${where} ORDER BY seq OFFSET $${parameters.length + 1} LIMIT $${parameters.length + 2}`,
      [...parameters, query.startIndex - 1, query.count],
    );
    return { totalResults: Number(total.rows[0]?.total ?? 0), identities: rows.rows.map(toIdentity) };
  }

  async get(id: string): Promise<DirectoryIdentity | null> {
    if (!UUID.test(id)) return null;
    const { rows } = await this.pool.query<IdentityRow>('SELECT * FROM scim_test_identities WHERE id = $1', [id]);
    return rows[0] ? toIdentity(rows[0]) : null;
  }

  async sync(command: SyncIdentity): Promise<DirectoryIdentity> {
    const status: DirectoryIdentityStatus = command.record.active ? 'active' : 'terminated';
    try {
      if (command.id === null) {
        const { rows } = await this.pool.query<IdentityRow>(
          `INSERT INTO scim_test_identities (employee_number, external_id, record, status, version)
           VALUES ($1, $2, $3, $4, 1) RETURNING *`,
          [command.record.employeeNumber, command.externalId, command.record, status],
        );
        return await this.recorded('created', command.source, rowOf(rows));
      }
      const { rows } = await this.pool.query<IdentityRow>(
        `UPDATE scim_test_identities
            SET employee_number = $2, external_id = $3, record = $4, status = $5, version = version + 1, last_modified = now()
          WHERE id = $1 AND ($6::bigint IS NULL OR version = $6::bigint) RETURNING *`,
        [command.id, command.record.employeeNumber, command.externalId, command.record, status, command.expectedVersion ?? null],
      );
      if (rows.length === 0) throw await this.whyNotUpdated(command.id);
      return await this.recorded('synced', command.source, rowOf(rows));
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        throw new DomainError('conflict', `employee number ${command.record.employeeNumber} already belongs to another identity`, {
          reason: 'uniqueness',
          attribute: 'employeeNumber',
        });
      }
      throw error;
    }
  }

  async terminate(command: TerminateIdentity): Promise<DirectoryIdentity> {
    const { rows } = await this.pool.query<IdentityRow>(
      `UPDATE scim_test_identities
          SET status = 'terminated', record = jsonb_set(record, '{active}', 'false'), version = version + 1, last_modified = now()
        WHERE id = $1 AND ($2::bigint IS NULL OR version = $2::bigint) RETURNING *`,
      [command.id, command.expectedVersion ?? null],
    );
    if (rows.length === 0) throw await this.whyNotUpdated(command.id);
    return this.recorded('terminated', command.source, rowOf(rows));
  }

  /** What the directory was asked to record, oldest first. */
  async changes(identityId: string): Promise<{ kind: string; source: HrSource; record: HrRecord }[]> {
    const { rows } = await this.pool.query<{ kind: string; source: HrSource; record: HrRecord }>(
      'SELECT kind, source, record FROM scim_test_changes WHERE identity_id = $1 ORDER BY seq',
      [identityId],
    );
    return rows;
  }

  private async recorded(kind: string, source: HrSource, row: IdentityRow): Promise<DirectoryIdentity> {
    await this.pool.query('INSERT INTO scim_test_changes (identity_id, kind, source, record) VALUES ($1, $2, $3, $4)', [
      row.id,
      kind,
      source,
      row.record,
    ]);
    return toIdentity(row);
  }

  private async whyNotUpdated(id: string): Promise<DomainError> {
    return (await this.get(id))
      ? new DomainError('conflict', `identity ${id} is not at the expected version`, { reason: 'version_mismatch' })
      : new DomainError('not_found', `identity ${id} does not exist`);
  }
}

interface IdentityRow {
  id: string;
  external_id: string | null;
  record: HrRecord;
  status: DirectoryIdentityStatus;
  version: string;
  created: Date;
  last_modified: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function rowOf(rows: IdentityRow[]): IdentityRow {
  const [row] = rows;
  if (!row) throw new Error('expected one row');
  return row;
}

function toIdentity(row: IdentityRow): DirectoryIdentity {
  return {
    id: row.id,
    version: String(row.version),
    record: row.record,
    externalId: row.external_id,
    status: row.status,
    created: row.created,
    lastModified: row.last_modified,
  };
}

const COLUMN_BY_FIELD: Readonly<Record<IdentityFilterField, string>> = {
  id: 'id::text',
  externalId: 'external_id',
  employeeNumber: 'employee_number',
  givenName: `record #>> '{attributes,givenName}'`,
  familyName: `record #>> '{attributes,familyName}'`,
  displayName: `(record #>> '{attributes,givenName}') || ' ' || (record #>> '{attributes,familyName}')`,
  email: `record #>> '{attributes,email}'`,
  emailType: `'work'`,
  title: `record #>> '{attributes,title}'`,
  active: `(status <> 'terminated')`,
  department: `record #>> '{attributes,department}'`,
  managerEmployeeNumber: `record #>> '{attributes,managerEmployeeNumber}'`,
  costCenter: `record #>> '{attributes,costCenter}'`,
  organization: `record #>> '{attributes,custom,organization}'`,
  division: `record #>> '{attributes,custom,division}'`,
  location: `record #>> '{attributes,location}'`,
  employmentType: `record #>> '{attributes,employmentType}'`,
  startDate: `record ->> 'startDate'`,
  terminationDate: `record ->> 'terminationDate'`,
  created: 'created',
  lastModified: 'last_modified',
};

function filterSql(filter: IdentityFilter, parameters: unknown[]): string {
  if (filter.length === 0) return 'true';
  return filter.map((group) => `(${group.map((each) => conditionSql(each, parameters)).join(' AND ') || 'true'})`).join(' OR ');
}

function conditionSql(condition: FilterCondition, parameters: unknown[]): string {
  const column = `(${COLUMN_BY_FIELD[condition.field]})`;
  const sql = comparisonSql(column, condition, parameters);
  return condition.negated ? `NOT coalesce(${sql}, false)` : sql;
}

function comparisonSql(column: string, { operator, value }: FilterCondition, parameters: unknown[]): string {
  if (operator === 'pr') return `(${column} IS NOT NULL AND ${column}::text <> '')`;
  if (typeof value === 'boolean') {
    parameters.push(value);
    return `${column}::boolean ${operator === 'ne' ? '<>' : '='} $${parameters.length}::boolean`;
  }
  if (value === null || value === undefined) return operator === 'ne' ? `${column} IS NOT NULL` : `${column} IS NULL`;
  parameters.push(String(value));
  const parameter = `lower($${parameters.length})`;
  const text = `lower(${column}::text)`;
  const like = (pattern: string): string => `${text} LIKE ${pattern} ESCAPE '\\'`;
  const escaped = `replace(replace(replace(${parameter}, '\\', '\\\\'), '%', '\\%'), '_', '\\_')`;
  switch (operator) {
    case 'eq':
      return `${text} = ${parameter}`;
    case 'ne':
      return `${text} IS DISTINCT FROM ${parameter}`;
    case 'co':
      return like(`'%' || ${escaped} || '%'`);
    case 'sw':
      return like(`${escaped} || '%'`);
    case 'ew':
      return like(`'%' || ${escaped}`);
    case 'gt':
      return `${text} > ${parameter}`;
    case 'lt':
      return `${text} < ${parameter}`;
    case 'ge':
      return `${text} >= ${parameter}`;
    case 'le':
      return `${text} <= ${parameter}`;
    default: {
      const unknownOperator: never = operator;
      throw new Error(`unknown operator ${String(unknownOperator)}`);
    }
  }
}
