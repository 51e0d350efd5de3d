import { describeEventStoreContract } from '@tenure/event-store-contract';
import { EsdbEventStore } from './esdb-event-store';

/**
 * The shared EventStore contract against a real EventStoreDB/KurrentDB, e.g.
 * ESDB_URL='esdb://localhost:2113?tls=false'. No server can run on the development machine, so
 * without ESDB_URL every contract test is registered as skipped (never reported as passed).
 */
const url = process.env['ESDB_URL'];

function contract(): void {
  describeEventStoreContract('EventStoreDB', async () => {
    const store = EsdbEventStore.fromConnectionString(url!, { retryDelayMs: 20 });
    return { store, teardown: () => store.close() };
  });
}

if (url) {
  contract();
} else {
  process.stderr.write('EventStoreDB contract suite SKIPPED: ESDB_URL is not set (e.g. ESDB_URL=esdb://localhost:2113?tls=false)\n');
  describe.skip('skipped because ESDB_URL is not set', contract);
}
