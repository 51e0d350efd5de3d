// A service instance reduced to one leased process, run as a child process by
// checkpointed-process.leases.int.spec.ts (node -r register-typescript.js): it answers the events of
// one category by recording them, with its own name, in `handled`, so the record outlives a SIGKILL.
// Arguments: database URL, category, instance name.
import { CheckpointedProcess } from '../checkpointed-process';
import { PostgresEventStore } from '../postgres-event-store';

const [connectionString, category, instance] = process.argv.slice(2) as [string, string, string];
const store = new PostgresEventStore({ connectionString, poolSize: 2 });
const answering = new CheckpointedProcess({
  pool: store.pool,
  notifier: store.wakeups,
  checkpoint: `leased-${category}`,
  filter: { streamPrefixes: [`${category}-`] },
  leases: store.leases,
  leaseRetryMs: 100,
  handle: async (events) => {
    for (const event of events) {
      await store.pool.query('INSERT INTO handled (instance, n) VALUES ($1, $2)', [instance, (event.data as { n: number }).n]);
    }
  },
  onFailed: (error) => {
    console.error(`${instance} failed:`, error);
    process.exit(1);
  },
});
void answering.waitUntilCaughtUp(10_000).then(() => console.log('ready'));
setInterval(() => undefined, 1_000);
