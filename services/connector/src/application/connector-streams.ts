import { applicationStreamId } from '@tenure/contracts';
import { fold, type EventStore } from '@tenure/event-sourcing';
import { applicationDecider, type ApplicationEvent, type ApplicationState } from '../domain/application';

// The stream names are published (@tenure/contracts catalog-events.ts; see catalog-contract.ts):
// one stream per application, and the entitlement catalog of each in its own (see catalog.events.ts).
export { APPLICATION_STREAM_PREFIX, applicationStreamId, CATALOG_STREAM_PREFIX, catalogStreamId } from '@tenure/contracts';

/** An application as its events say now, sealed credentials included (the read model has none). */
export async function loadApplication(store: EventStore, applicationId: string): Promise<ApplicationState> {
  const recorded = await store.readStream(applicationStreamId(applicationId));
  return fold(
    applicationDecider,
    recorded.map((event) => ({ type: event.type, data: event.data }) as ApplicationEvent),
  );
}
