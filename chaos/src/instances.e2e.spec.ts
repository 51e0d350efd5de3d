import { waitFor } from '@tenure/testing';
import { checkLog, reconciliationOutcomes, requestsSettled } from './checks/log-checks';
import { compareTarget, merge } from './checks/target-checks';
import type { Findings } from './checks/findings';
import { startEnvironment, type ChaosEnvironment } from './environment';
import { Dice } from './random';
import { ScimTarget } from './targets/scim-target';
import { Flows } from './workload/flows';

// Several instances (issue 9): two of every service on one database, and a SIGKILL of the instance
// holding the leases, without faults or randomness, so that a failure here points at take-over itself.
jest.setTimeout(900_000);

describe('two instances of every service, one killed', () => {
  let environment: ChaosEnvironment;
  let flows: Flows;
  const say = (line: string): void => void process.stdout.write(`[instances] ${line}\n`);

  beforeAll(async () => {
    environment = await startEnvironment(new Dice(9), 2, say);
    flows = new Flows(environment.client, environment.people, environment.platform.issuer, 0.01);
  });

  afterAll(async () => {
    await environment?.close();
  });

  async function everythingInPlace(): Promise<Findings> {
    const { targets, people, table } = environment;
    return merge(
      await Promise.all(targets.map(async (target) => compareTarget(target, await target.read(people.userPrefix), people, table))),
    );
  }

  async function settled(what: string): Promise<void> {
    await waitFor(what, async () => ((await everythingInPlace()).failed ? undefined : true), 180_000, 1_000).catch(() => undefined);
    expect((await everythingInPlace()).describe()).toBe('');
  }

  function instancesNumbered(n: number) {
    return environment.platform.instances.filter((instance) => instance.name.endsWith(`-${n}`));
  }

  it('given both instances up, when instance 1 of each service is killed, then the other does the work: joiner, mover', async () => {
    await flows.hire('Engineering');
    await settled('the first joiner provisioned');

    await Promise.all(instancesNumbered(1).map((instance) => instance.kill()));
    const joiner = await flows.hire('Finance');
    const mover = environment.people.available().find((person) => person.employeeNumber !== joiner.employeeNumber)!;
    await flows.move(mover, new Dice(1));

    await settled('the work done by the instances left');
  });

  it('when instance 1 is back and instance 2 (now holding every lease) is killed, then instance 1 takes over from the checkpoints: a grant expires, a leaver is revoked', async () => {
    await Promise.all(instancesNumbered(1).map((instance) => instance.restart()));
    const requester = environment.people.available()[1]!;
    const directory = environment.targets[0]!;
    await flows.requestAccess(requester, directory.applicationId, directory.requestable[0]!);
    await waitFor(
      'the requested grant provisioned',
      async () =>
        (await directory.read(environment.people.userPrefix)).memberships.has(`${requester.userName} ${directory.requestable[0]}`)
          ? true
          : undefined,
      60_000,
      500,
    );

    await Promise.all(instancesNumbered(2).map((instance) => instance.kill()));
    const leaver = environment.people.available()[0]!;
    await flows.leave(leaver);
    const newcomer = await flows.hire('Sales');

    await waitFor(
      'the requested grant to expire',
      async () => ((await requestsSettled(environment.client, flows.requests)) ? true : undefined),
      240_000,
      2_000,
    );
    await settled('the leaver revoked and the newcomer provisioned');
    const log = await checkLog(environment.client, environment.people, flows.requests, []);
    expect(log.describe()).toBe('');
    expect(newcomer.status).toBe('active');
    expect(flows.counts).toMatchObject({ joiners: 3, movers: 1, leavers: 1, requests: 1 });
  });

  it('given a reconciliation waiting on its target, when every connector instance is killed and one comes back, then that run is ended as abandoned and the next one completes', async () => {
    const saas = environment.targets.find((target): target is ScimTarget => target instanceof ScimTarget)!;
    const connectors = environment.platform.instances.filter((instance) => instance.name.startsWith('connector-'));
    saas.stopAnswering();
    await flows.reconcile(saas.applicationId);
    const interrupted = flows.reconciliationRuns.at(-1)!;
    // The run is recorded and waits on the SaaS's listing, holding its application's run lock.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await reconciliationOutcomes(environment.client, [interrupted])).toEqual({ RUNNING: 1 });

    await Promise.all(connectors.map((instance) => instance.kill()));
    saas.answerAgain();
    await connectors[0]!.restart();

    // The sweep (every 2 s here) finds the run's lock free and ends it.
    await waitFor(
      'the interrupted run to be ended',
      async () => ((await reconciliationOutcomes(environment.client, [interrupted]))['FAILED abandoned'] === 1 ? true : undefined),
      60_000,
      1_000,
    );
    await connectors[1]!.restart();
    await flows.reconcile(saas.applicationId);
    const next = flows.reconciliationRuns.at(-1)!;
    await waitFor(
      'the next run to complete',
      async () => ((await reconciliationOutcomes(environment.client, [next]))['COMPLETED'] === 1 ? true : undefined),
      60_000,
      1_000,
    );
  });
});
