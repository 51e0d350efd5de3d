import type { ConnectorType, DriftRemediation, LicenseCost, ReconciliationSetting } from '../../domain/application';
import type { Queryable } from '../queryable';
import type { ApplicationRow } from './applications.table';

export interface ApplicationView {
  readonly applicationId: string;
  readonly name: string;
  readonly connectorType: ConnectorType;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly credentialNames: readonly string[];
  readonly credentialsSetAt: Date | null;
  readonly ownerEmployeeNumber: string;
  readonly paused: { readonly reason: string; readonly since: Date } | null;
  readonly registeredAt: Date;
  readonly reconciliation: ReconciliationSetting;
  readonly licenseCost: LicenseCost | null;
}

export async function listApplications(db: Queryable): Promise<ApplicationView[]> {
  const { rows } = await db.query<ApplicationRow>('SELECT * FROM connector_applications ORDER BY application_id');
  return rows.map(toView);
}

export async function findApplication(db: Queryable, applicationId: string): Promise<ApplicationView | null> {
  const { rows } = await db.query<ApplicationRow>('SELECT * FROM connector_applications WHERE application_id = $1', [applicationId]);
  return rows[0] ? toView(rows[0]) : null;
}

function toView(row: ApplicationRow): ApplicationView {
  return {
    applicationId: row.application_id,
    name: row.name,
    connectorType: row.connector_type as ConnectorType,
    settings: row.settings,
    credentialNames: row.credential_names,
    credentialsSetAt: row.credentials_set_at,
    ownerEmployeeNumber: row.owner_employee_number,
    paused: row.paused ? { reason: row.pause_reason ?? '', since: row.paused_at ?? row.updated_at } : null,
    registeredAt: row.registered_at,
    reconciliation: {
      remediation: row.reconciliation_remediation as DriftRemediation,
      scheduleMinutes: row.reconciliation_schedule_minutes,
    },
    licenseCost:
      row.license_cost_per_month !== null && row.license_cost_currency !== null
        ? { amountPerMonth: Number(row.license_cost_per_month), currency: row.license_cost_currency }
        : null,
  };
}
