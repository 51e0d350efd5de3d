import type { Projection } from '@tenure/event-store-postgres';
import { APPLICATION_STREAM_PREFIX } from '../../application/connector-streams';
import { DEFAULT_RECONCILIATION, REGISTERED_PAUSED_REASON, type ApplicationEvent } from '../../domain/application';
import { CREATE_CONNECTOR_APPLICATIONS } from './applications.table';

/** Keeps `connector_applications`; the sealed credentials in the events are never copied here. */
export const applicationsProjection: Projection = {
  name: 'connector-applications',
  filter: { streamPrefixes: [APPLICATION_STREAM_PREFIX] },
  async setup(client) {
    await client.query(CREATE_CONNECTOR_APPLICATIONS);
  },
  async reset(client) {
    await client.query('TRUNCATE connector_applications');
  },
  async apply(recorded, client) {
    const event = { type: recorded.type, data: recorded.data } as ApplicationEvent;
    switch (event.type) {
      case 'ApplicationRegistered': {
        const { applicationId, name, connectorType, settings, credentialNames, ownerEmployeeNumber, enabled, registeredAt } = event.data;
        await client.query(
          `INSERT INTO connector_applications (application_id, name, connector_type, settings, credential_names, credentials_set_at,
             owner_employee_number, paused, pause_reason, paused_at, registered_at, updated_at, reconciliation_remediation,
             reconciliation_schedule_minutes)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12, $13) ON CONFLICT (application_id) DO NOTHING`,
          [
            applicationId,
            name,
            connectorType,
            JSON.stringify(settings),
            credentialNames,
            credentialNames.length > 0 ? registeredAt : null,
            ownerEmployeeNumber,
            !enabled,
            enabled ? null : REGISTERED_PAUSED_REASON,
            enabled ? null : registeredAt,
            registeredAt,
            DEFAULT_RECONCILIATION.remediation,
            DEFAULT_RECONCILIATION.scheduleMinutes,
          ],
        );
        return;
      }
      case 'ApplicationReconciliationConfigured': {
        const { applicationId, remediation, scheduleMinutes, configuredAt } = event.data;
        await client.query(
          `UPDATE connector_applications SET reconciliation_remediation = $2, reconciliation_schedule_minutes = $3, updated_at = $4
            WHERE application_id = $1`,
          [applicationId, remediation, scheduleMinutes, configuredAt],
        );
        return;
      }
      case 'ApplicationConfigured': {
        const { applicationId, settings, configuredAt } = event.data;
        await client.query('UPDATE connector_applications SET settings = $2, updated_at = $3 WHERE application_id = $1', [
          applicationId,
          JSON.stringify(settings),
          configuredAt,
        ]);
        return;
      }
      case 'ApplicationCredentialsSet': {
        const { applicationId, credentialNames, setAt } = event.data;
        await client.query(
          'UPDATE connector_applications SET credential_names = $2, credentials_set_at = $3, updated_at = $3 WHERE application_id = $1',
          [applicationId, credentialNames, setAt],
        );
        return;
      }
      case 'ApplicationPaused': {
        const { applicationId, reason, pausedAt } = event.data;
        await client.query(
          'UPDATE connector_applications SET paused = true, pause_reason = $2, paused_at = $3, updated_at = $3 WHERE application_id = $1',
          [applicationId, reason, pausedAt],
        );
        return;
      }
      case 'ApplicationResumed': {
        const { applicationId, resumedAt } = event.data;
        await client.query(
          'UPDATE connector_applications SET paused = false, pause_reason = NULL, paused_at = NULL, updated_at = $2 WHERE application_id = $1',
          [applicationId, resumedAt],
        );
        return;
      }
      case 'ApplicationLicenseCostSet': {
        const { applicationId, licenseCost, setAt } = event.data;
        await client.query(
          `UPDATE connector_applications SET license_cost_per_month = $2, license_cost_currency = $3, updated_at = $4
            WHERE application_id = $1`,
          [applicationId, licenseCost?.amountPerMonth ?? null, licenseCost?.currency ?? null, setAt],
        );
        return;
      }
      case 'ApplicationOwnerChanged': {
        const { applicationId, ownerEmployeeNumber, changedAt } = event.data;
        await client.query('UPDATE connector_applications SET owner_employee_number = $2, updated_at = $3 WHERE application_id = $1', [
          applicationId,
          ownerEmployeeNumber,
          changedAt,
        ]);
        return;
      }
      default:
        return; // events of later versions are ignored by this one
    }
  },
};
