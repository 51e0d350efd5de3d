import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChaosPlatform, type PlatformSecrets } from './platform/chaos-platform';
import { runTool } from './platform/setup-tools';
import type { Dice } from './random';
import { TARGET_FAULTS } from './target-faults';
import { DirectoryTarget } from './targets/directory-target';
import { ErpTarget } from './targets/erp-target';
import { ScimTarget } from './targets/scim-target';
import type { ChaosTarget } from './targets/target-state';
import { birthrightTable, policyFor, type BirthrightTable } from './workload/expected-access';
import { GatewayClient } from './workload/gateway-client';
import { DEPARTMENTS, People } from './workload/people';

/** Everything a run needs: real targets behind fault proxies, the platform, its people and the oracle's table. */
export interface ChaosEnvironment {
  readonly targets: readonly ChaosTarget[];
  readonly people: People;
  readonly table: BirthrightTable;
  readonly platform: ChaosPlatform;
  readonly client: GatewayClient;
  close(): Promise<void>;
}

/**
 * Starts the targets (faults off), loads the run's managers, policy and applications with the
 * platform's own tools (as `npm start` seeds the demo), then the platform with `instances` of each service.
 */
export async function startEnvironment(dice: Dice, instances: number, say: (line: string) => void): Promise<ChaosEnvironment> {
  const erp = await ErpTarget.start(dice.fork('erp faults'), TARGET_FAULTS.tcp);
  const directory = await DirectoryTarget.start(dice.fork('directory faults'), TARGET_FAULTS.tcp);
  const saas = await ScimTarget.start(dice.fork('saas faults'), TARGET_FAULTS.http);
  const targets: ChaosTarget[] = [directory, erp, saas];
  const people = new People(`chaos-${erp.tag}-`);
  const table = birthrightTable({ directory, erp, saas });
  const { database, secrets } = await ChaosPlatform.prepare();
  const closeTargets = async (): Promise<void> => {
    await database.drop();
    for (const target of targets) await target.close();
  };
  try {
    await loadSetup(people, targets, table, secrets, say);
    const platform = await ChaosPlatform.start(database, secrets, instances);
    say(`platform up: ${platform.instances.length} service instances (${instances} of each) behind balancers, one gateway`);
    const client = new GatewayClient(platform.origin);
    await identifyManagers(client, people);
    return {
      targets,
      people,
      table,
      platform,
      client,
      close: async () => {
        await platform.stop();
        await closeTargets();
      },
    };
  } catch (error) {
    await closeTargets();
    throw error;
  }
}

/** The managers (one per department) by the CSV import, then the policy and the applications. */
async function loadSetup(
  people: People,
  targets: readonly ChaosTarget[],
  table: BirthrightTable,
  secrets: PlatformSecrets,
  say: (line: string) => void,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tenure-chaos-'));
  try {
    const managers = DEPARTMENTS.map((department) => people.newPerson(department, null));
    const csv = [
      'employee_number,given_name,family_name,email,department,title,manager_employee_number,location,cost_center,employment_type,start_date,termination_date',
      ...managers.map(
        (manager) =>
          `${manager.employeeNumber},Chaos,Manager ${manager.department},${manager.email},${manager.department},Manager,,Paris,CC-1,employee,2024-01-01,`,
      ),
    ].join('\n');
    writeFileSync(join(dir, 'managers.csv'), `${csv}\n`);
    writeFileSync(join(dir, 'policy.json'), JSON.stringify(policyFor(table)));
    const owner = managers[0]!.employeeNumber;
    writeFileSync(
      join(dir, 'applications.json'),
      JSON.stringify({ applications: targets.map((target) => target.applicationEntry(owner)) }),
    );
    const env = { DATABASE_URL: secrets.databaseUrl, PERSONAL_DATA_KEY: secrets.personalDataKey, LOG_LEVEL: 'warn' };
    say(await runTool('services/identity/dist/cli/hris-import.js', [join(dir, 'managers.csv'), '--one-line'], env));
    say(await runTool('services/policy/dist/cli/policy-load.js', [join(dir, 'policy.json'), '--publish', '--one-line'], env));
    const targetEnv = Object.assign({}, ...targets.map((target) => target.env)) as Record<string, string>;
    say(
      await runTool('services/connector/dist/cli/connector-load.js', [join(dir, 'applications.json'), '--one-line'], {
        ...env,
        ...targetEnv,
        CONNECTOR_CREDENTIALS_KEY: secrets.connectorCredentialsKey,
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function identifyManagers(client: GatewayClient, people: People): Promise<void> {
  for (const manager of people.all()) {
    const answer = await client.untilDone(`find ${manager.employeeNumber}`, () =>
      client.scim('GET', `/Users?filter=${encodeURIComponent(`userName eq "${manager.employeeNumber}"`)}`),
    );
    const id = (answer.body['Resources'] as { id: string }[] | undefined)?.[0]?.id;
    if (!id) throw new Error(`manager ${manager.employeeNumber} was not imported: ${JSON.stringify(answer.body)}`);
    manager.identityId = id;
  }
}
