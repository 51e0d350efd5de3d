import { fold, type EventStore } from '@tenure/event-sourcing';
import { applicationDecider, type ApplicationEvent, type ApplicationState } from '../domain/application';

export const APPLICATION_STREAM_PREFIX = 'application-';
export const CATALOG_STREAM_PREFIX = 'catalog-';

export function applicationStreamId(applicationId: string): string {
  return `${APPLICATION_STREAM_PREFIX}${applicationId}`;
}

/** The entitlement catalog of one application: its own stream, see catalog.events.ts. */
export function catalogStreamId(applicationId: string): string {
  return `${CATALOG_STREAM_PREFIX}${applicationId}`;
}

/** An application as its events say now, sealed credentials included (the read model has none). */
export async function loadApplication(store: EventStore, applicationId: string): Promise<ApplicationState> {
  const recorded = await store.readStream(applicationStreamId(applicationId));
  return fold(
    applicationDecider,
    recorded.map((event) => ({ type: event.type, data: event.data }) as ApplicationEvent),
  );
}
