import {
  APPLICATION_STREAM_PREFIX,
  CATALOG_STREAM_PREFIX,
  PUBLISHED_APPLICATION_EVENT_TYPES,
  PUBLISHED_CATALOG_EVENT_TYPES,
  type PublishedApplicationEvent,
  type PublishedCatalogEvent,
} from '@tenure/contracts';
import { assertNever } from '../../domain/assert-never';
import type { Projection } from '@tenure/event-store-postgres';
import type { PoolClient } from 'pg';
import { CREATE_WORKFLOW_CATALOG } from './workflow-catalog.table';

/** Keeps `workflow_applications` and `workflow_catalog_entitlements` from the published application and catalog events. */
export const workflowCatalogProjection: Projection = {
  name: 'workflow-catalog',
  filter: {
    streamPrefixes: [APPLICATION_STREAM_PREFIX, CATALOG_STREAM_PREFIX],
    eventTypes: [...PUBLISHED_APPLICATION_EVENT_TYPES, ...PUBLISHED_CATALOG_EVENT_TYPES],
  },
  async setup(client) {
    await client.query(CREATE_WORKFLOW_CATALOG);
  },
  async reset(client) {
    await client.query('TRUNCATE workflow_applications, workflow_catalog_entitlements');
  },
  async apply(recorded, client) {
    const isApplication = recorded.streamId.startsWith(APPLICATION_STREAM_PREFIX);
    const published = isApplication ? PUBLISHED_APPLICATION_EVENT_TYPES : PUBLISHED_CATALOG_EVENT_TYPES;
    if (!(published as readonly string[]).includes(recorded.type)) return;
    const event = { type: recorded.type, data: recorded.data } as PublishedApplicationEvent | PublishedCatalogEvent;
    await applyEvent(event, recorded.recordedAt, client);
  },
};

async function applyEvent(event: PublishedApplicationEvent | PublishedCatalogEvent, at: Date, client: PoolClient): Promise<void> {
  switch (event.type) {
    case 'ApplicationRegistered': {
      const { applicationId, name, ownerEmployeeNumber } = event.data;
      await client.query(
        `INSERT INTO workflow_applications (application_id, name, owner_employee_number, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (application_id) DO UPDATE SET name = EXCLUDED.name, owner_employee_number = EXCLUDED.owner_employee_number,
           updated_at = EXCLUDED.updated_at`,
        [applicationId, name, ownerEmployeeNumber, at],
      );
      return;
    }
    case 'ApplicationOwnerChanged':
      await client.query('UPDATE workflow_applications SET owner_employee_number = $2, updated_at = $3 WHERE application_id = $1', [
        event.data.applicationId,
        event.data.ownerEmployeeNumber,
        at,
      ]);
      return;
    case 'EntitlementDiscovered': {
      const { applicationId, key, displayName } = event.data;
      await client.query(
        `INSERT INTO workflow_catalog_entitlements (application_id, entitlement_key, discovered_display_name, updated_at)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (application_id, entitlement_key) DO UPDATE SET
           discovered_display_name = EXCLUDED.discovered_display_name, updated_at = EXCLUDED.updated_at`,
        [applicationId, key, displayName, at],
      );
      return;
    }
    case 'EntitlementAnnotated': {
      const { applicationId, key, displayName, ownerEmployeeNumber, risk, requestable } = event.data;
      await client.query(
        `INSERT INTO workflow_catalog_entitlements
           (application_id, entitlement_key, annotated_display_name, owner_employee_number, risk, requestable, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (application_id, entitlement_key) DO UPDATE SET
           annotated_display_name = EXCLUDED.annotated_display_name, owner_employee_number = EXCLUDED.owner_employee_number,
           risk = EXCLUDED.risk, requestable = EXCLUDED.requestable, updated_at = EXCLUDED.updated_at`,
        [applicationId, key, displayName, ownerEmployeeNumber, risk, requestable, at],
      );
      return;
    }
    default:
      assertNever(event);
  }
}
