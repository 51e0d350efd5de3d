import { DomainError } from '@tenure/event-sourcing';
import type { RiskLevel } from '../../domain/catalog';
import type { Queryable } from '../queryable';
import type { EntitlementRow } from './entitlements.table';

export interface EntitlementView {
  readonly applicationId: string;
  readonly key: string;
  readonly kind: string;
  /** The administrator's name for it, else the target's. */
  readonly displayName: string;
  readonly description: string | null;
  readonly ownerEmployeeNumber: string | null;
  readonly risk: RiskLevel | null;
  readonly licenseCost: number | null;
  readonly licenseCurrency: string | null;
  readonly requestable: boolean;
  readonly present: boolean;
  readonly discoveredAt: Date;
  readonly vanishedAt: Date | null;
}

export interface EntitlementSearch {
  readonly applicationId?: string | undefined;
  /** Words found in the key, the display name or the description (case-insensitive). */
  readonly search?: string | undefined;
  readonly includeVanished?: boolean | undefined;
  readonly first: number;
  /** The cursor of the last entitlement of the previous page. */
  readonly after?: string | undefined;
}

export interface EntitlementPage {
  readonly entitlements: readonly { readonly cursor: string; readonly entitlement: EntitlementView }[];
  readonly hasNextPage: boolean;
}

/** Ordered by application then key; a cursor is that pair, opaque to clients. */
export async function searchEntitlements(db: Queryable, query: EntitlementSearch): Promise<EntitlementPage> {
  const after = query.after ? decodeCursor(query.after) : null;
  const pattern = query.search?.trim() ? `%${query.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const { rows } = await db.query<EntitlementRow>(
    `SELECT * FROM connector_entitlements
      WHERE ($1::text IS NULL OR application_id = $1)
        AND ($2 OR present)
        AND ($3::text IS NULL OR key ILIKE $3 OR COALESCE(display_name, target_display_name) ILIKE $3
             OR COALESCE(description, target_description, '') ILIKE $3)
        AND ($4::text IS NULL OR (application_id, key) > ($4, $5))
      ORDER BY application_id, key
      LIMIT $6`,
    [
      query.applicationId ?? null,
      query.includeVanished ?? false,
      pattern,
      after?.applicationId ?? null,
      after?.key ?? null,
      query.first + 1,
    ],
  );
  return {
    entitlements: rows.slice(0, query.first).map((row) => ({ cursor: encodeCursor(row), entitlement: toView(row) })),
    hasNextPage: rows.length > query.first,
  };
}

export async function findEntitlement(db: Queryable, applicationId: string, key: string): Promise<EntitlementView | null> {
  const { rows } = await db.query<EntitlementRow>('SELECT * FROM connector_entitlements WHERE application_id = $1 AND key = $2', [
    applicationId,
    key,
  ]);
  return rows[0] ? toView(rows[0]) : null;
}

function encodeCursor(row: EntitlementRow): string {
  return Buffer.from(JSON.stringify([row.application_id, row.key]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { applicationId: string; key: string } {
  try {
    const [applicationId, key] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof applicationId === 'string' && typeof key === 'string') return { applicationId, key };
  } catch {
    // reported below
  }
  throw new DomainError('validation', 'the cursor is not one this query returned: pass pageInfo.endCursor as `after`', { field: 'after' });
}

function toView(row: EntitlementRow): EntitlementView {
  return {
    applicationId: row.application_id,
    key: row.key,
    kind: row.kind,
    displayName: row.display_name ?? row.target_display_name,
    description: row.description ?? row.target_description,
    ownerEmployeeNumber: row.owner_employee_number,
    risk: row.risk as RiskLevel | null,
    licenseCost: row.license_cost === null ? null : Number(row.license_cost),
    licenseCurrency: row.license_currency,
    requestable: row.requestable,
    present: row.present,
    discoveredAt: row.discovered_at,
    vanishedAt: row.vanished_at,
  };
}
