import {
  applicationStreamId,
  catalogStreamId,
  type PublishedApplicationEvent,
  type PublishedCatalogEvent,
  type PublishedRiskLevel,
} from '@tenure/contracts';
import type { EventStore } from '@tenure/event-sourcing';
import { appendPublishedEvent, type Publisher } from './published-events';

const AT = '2026-06-01T08:00:00.000Z';

const CONNECTOR_ADMIN: Publisher = { actor: { kind: 'person', id: 'connector-admin' }, correlationPrefix: 'connector' };

async function append(store: EventStore, streamId: string, event: PublishedApplicationEvent | PublishedCatalogEvent): Promise<void> {
  await appendPublishedEvent(store, streamId, event, CONNECTOR_ADMIN, AT);
}

/** An application as the connector registers it (the contract's part of the event). */
export function registerApplication(store: EventStore, applicationId: string, ownerEmployeeNumber: string): Promise<void> {
  return append(store, applicationStreamId(applicationId), {
    type: 'ApplicationRegistered',
    data: { applicationId, name: `The ${applicationId} application`, ownerEmployeeNumber, registeredAt: AT },
  });
}

export function changeApplicationOwner(store: EventStore, applicationId: string, ownerEmployeeNumber: string): Promise<void> {
  return append(store, applicationStreamId(applicationId), {
    type: 'ApplicationOwnerChanged',
    data: { applicationId, ownerEmployeeNumber, changedAt: AT },
  });
}

export function discoverEntitlement(store: EventStore, applicationId: string, key: string, displayName = key): Promise<void> {
  return append(store, catalogStreamId(applicationId), {
    type: 'EntitlementDiscovered',
    data: { applicationId, key, displayName, discoveredAt: AT },
  });
}

export function annotateEntitlement(
  store: EventStore,
  applicationId: string,
  key: string,
  annotation: { displayName?: string | null; ownerEmployeeNumber?: string | null; risk?: PublishedRiskLevel | null; requestable?: boolean },
): Promise<void> {
  return append(store, catalogStreamId(applicationId), {
    type: 'EntitlementAnnotated',
    data: {
      applicationId,
      key,
      displayName: annotation.displayName ?? null,
      ownerEmployeeNumber: annotation.ownerEmployeeNumber ?? null,
      risk: annotation.risk ?? null,
      requestable: annotation.requestable ?? false,
      annotatedAt: AT,
    },
  });
}
