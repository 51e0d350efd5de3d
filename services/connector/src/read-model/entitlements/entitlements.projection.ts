import type { Projection } from '@tenure/event-store-postgres';
import { CATALOG_STREAM_PREFIX } from '../../application/connector-streams';
import type { CatalogEvent } from '../../domain/catalog';
import { CREATE_CONNECTOR_ENTITLEMENTS } from './entitlements.table';

/** Keeps `connector_entitlements` from the catalogs' discoveries and annotations. */
export const entitlementsProjection: Projection = {
  name: 'connector-entitlements',
  filter: { streamPrefixes: [CATALOG_STREAM_PREFIX] },
  async setup(client) {
    await client.query(CREATE_CONNECTOR_ENTITLEMENTS);
  },
  async reset(client) {
    await client.query('TRUNCATE connector_entitlements');
  },
  async apply(recorded, client) {
    const event = { type: recorded.type, data: recorded.data } as CatalogEvent;
    switch (event.type) {
      case 'EntitlementDiscovered': {
        const { applicationId, key, kind, displayName, description, discoveredAt } = event.data;
        // Back after vanishing: present again with what the target says now; annotations stay.
        await client.query(
          `INSERT INTO connector_entitlements (application_id, key, kind, target_display_name, target_description, present, discovered_at)
           VALUES ($1, $2, $3, $4, $5, true, $6)
           ON CONFLICT (application_id, key) DO UPDATE SET kind = $3, target_display_name = $4, target_description = $5,
             present = true, vanished_at = NULL`,
          [applicationId, key, kind, displayName, description, discoveredAt],
        );
        return;
      }
      case 'EntitlementVanished': {
        const { applicationId, key, vanishedAt } = event.data;
        await client.query('UPDATE connector_entitlements SET present = false, vanished_at = $3 WHERE application_id = $1 AND key = $2', [
          applicationId,
          key,
          vanishedAt,
        ]);
        return;
      }
      case 'EntitlementAnnotated': {
        const { applicationId, key, displayName, description, ownerEmployeeNumber, risk, licenseCost, currency, requestable, annotatedAt } =
          event.data;
        await client.query(
          `UPDATE connector_entitlements SET display_name = $3, description = $4, owner_employee_number = $5, risk = $6,
             license_cost = $7, license_currency = $8, requestable = $9, annotated_at = $10
           WHERE application_id = $1 AND key = $2`,
          [applicationId, key, displayName, description, ownerEmployeeNumber, risk, licenseCost, currency, requestable, annotatedAt],
        );
        return;
      }
      default:
        return; // events of later versions are ignored by this one
    }
  },
};
