import { migrate, PostgresEventStore } from '@tenure/event-store-postgres';
import { randomIds, START, type Position, type RecordedEvent } from '@tenure/event-sourcing';
import type { PolicySet } from '@tenure/policy-decisions';
import { TestIssuer } from '@tenure/testing';
import { sleep } from '../../measure/timing';
import { hrCsv, importCompany, registerApplications, waitForBirthright } from '../gateway/bench-company';
import { BENCH_ADMIN_TOKEN, BenchPlatform } from '../gateway/bench-platform';
import { postGraphql } from '../gateway/graphql-post';
import { autoApprovedRequests } from '../jit/jit-policy';
import { birthrightForEveryone } from '../leaver/leaver-policy';
import { publishPolicy } from '../services/policy-publication';
import type { ReplayPlan } from './replay-plan';

const SETUP_TIMEOUT_MS = 10 * 60_000;
const JIT_SECONDS = 4;
const JIT_ENTITLEMENT = 'role-jit';
const FIRST_EMPLOYEE_NUMBER = 10_001;

/**
 * Real lifecycle traffic: the four services and the gateway, each its own process, take a company
 * through joiners (birthright provisioned in simulated applications), just-in-time requests
 * (auto-approved, granted, expired), movers (a new manager) and leavers (the kill switch). The
 * services are stopped once the log has been quiet for a while, and its events are the recording.
 */
export async function recordTraffic(databaseUrl: string, plan: ReplayPlan, log: (line: string) => void): Promise<RecordedEvent[]> {
  const applicationIds = Array.from({ length: plan.applications }, (_, n) => `replay-app-${n}`);
  const store = new PostgresEventStore({ connectionString: databaseUrl, poolSize: 2 });
  await migrate(store.pool);
  await publishPolicy(store, randomIds, 1, lifecyclePolicy(applicationIds));
  const issuer = await TestIssuer.start();
  const platform = await BenchPlatform.startServices(databaseUrl);
  try {
    const { identity, connector } = platform.services;
    await registerApplications(connector.graphqlUrl, BENCH_ADMIN_TOKEN, applicationIds, ['role-0', JIT_ENTITLEMENT]);
    await importCompany(identity.graphqlUrl, BENCH_ADMIN_TOKEN, plan.people);
    const gateway = await platform.startGateway(issuer.issuer);
    // One birthright entitlement per application: waitForBirthright counts an account per assignment.
    await waitForBirthright(gateway.graphqlUrl, BENCH_ADMIN_TOKEN, plan.people, plan.applications, SETUP_TIMEOUT_MS);
    log(`recording: ${plan.people} joiners provisioned in ${plan.applications} simulated applications`);

    for (let n = 0; n < plan.requesters; n++) {
      const employeeNumber = String(FIRST_EMPLOYEE_NUMBER + plan.people - 1 - n);
      const token = await issuer.token(employeeNumber, { expiresIn: 600 });
      await postGraphql(
        gateway.graphqlUrl,
        'mutation($input: RequestAccessInput!) { requestAccess(input: $input) { id } }',
        {
          input: {
            applicationId: applicationIds[n % applicationIds.length],
            entitlementKey: JIT_ENTITLEMENT,
            justification: `Incident follow-up ${n} (bench)`,
            durationHours: JIT_SECONDS / 3600,
          },
        },
        token,
      );
    }
    await waitForQuiet(store, 3_000, SETUP_TIMEOUT_MS);
    await sleep(JIT_SECONDS * 1_000);
    await waitForQuiet(store, 3_000, SETUP_TIMEOUT_MS);
    log(`recording: ${plan.requesters} just-in-time requests granted and expired`);

    await importChanges(identity.graphqlUrl, plan);
    await waitForQuiet(store, 5_000, SETUP_TIMEOUT_MS);
    log(`recording: ${plan.movers} movers to a new manager and ${plan.leavers} leavers through an HR import`);
  } finally {
    await platform.stop();
    await issuer.stop();
  }
  const events = await readEverything(store);
  await store.close();
  return events;
}

/** Birthright for everyone (one entitlement per application), plus anything requestable for an hour at most, auto-approved (the jit benchmark's). */
function lifecyclePolicy(applicationIds: readonly string[]): PolicySet {
  return { ...birthrightForEveryone(applicationIds, applicationIds.length), accessPolicies: autoApprovedRequests().accessPolicies };
}

/** The next HR export: the first movers report to a new manager in another department, the last leavers left yesterday. */
async function importChanges(identityGraphqlUrl: string, plan: ReplayPlan): Promise<void> {
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const [header, ...rows] = hrCsv(plan.people).trim().split('\n');
  const changed = rows.map((row, n) => {
    const cells = row.split(',');
    if (n >= 2 && n < 2 + plan.movers) {
      cells[4] = 'Operations';
      cells[6] = String(FIRST_EMPLOYEE_NUMBER + 1);
    }
    if (n >= plan.people - plan.leavers) cells[11] = yesterday;
    return cells.join(',');
  });
  const csv = `${header}\n${changed.join('\n')}\n`;
  const { importHrFile } = await postGraphql<{ importHrFile: { id: string; status: string } }>(
    identityGraphqlUrl,
    'mutation($csv: String!) { importHrFile(fileName: "bench-changes.csv", csv: $csv) { id status } }',
    { csv },
    BENCH_ADMIN_TOKEN,
  );
  // A change to a quarter of the company is held for confirmation, as an administrator would be asked.
  if (importHrFile.status === 'HELD') {
    await postGraphql(
      identityGraphqlUrl,
      'mutation($id: ID!) { confirmHrImport(runId: $id) { status } }',
      { id: importHrFile.id },
      BENCH_ADMIN_TOKEN,
    );
  } else if (importHrFile.status !== 'COMPLETED') {
    throw new Error(`the HR import of the changes ended ${importHrFile.status}`);
  }
}

/** Waits until no event has been appended for `quietMs`. */
async function waitForQuiet(store: PostgresEventStore, quietMs: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  let since = Date.now();
  for (;;) {
    const { rows } = await store.pool.query<{ n: string }>('SELECT count(*)::text AS n FROM tenure_events');
    const count = Number(rows[0]!.n);
    if (count !== last) {
      last = count;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return;
    if (Date.now() > deadline) throw new Error(`the platform was still busy after ${timeoutMs} ms (${count} events)`);
    await sleep(250);
  }
}

async function readEverything(store: PostgresEventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let after: Position = START;
  for (;;) {
    const page = await store.readAll({ after, maxCount: 2_000 });
    events.push(...page);
    if (page.length < 2_000) return events;
    after = page[page.length - 1]!.position;
  }
}
