import { waitFor } from '@tenure/testing';
import { checkLog, deadLetters, openOperations, reconciliationOutcomes, reconciliationsEnded, requestsSettled } from './checks/log-checks';
import type { Findings } from './checks/findings';
import { compareTarget, merge } from './checks/target-checks';
import { startEnvironment } from './environment';
import { CircuitWatcher } from './circuit-watcher';
import { Killer } from './killer';
import type { ChaosPlan } from './plan';
import { Dice } from './random';
import { Flows } from './workload/flows';
import type { GatewayClient } from './workload/gateway-client';
import { runMixedFlows } from './workload/mixed-flows';

export interface ChaosReport {
  readonly plan: string;
  readonly seed: number;
  readonly flows: Record<string, number>;
  readonly kills: number;
  readonly killsByService: Record<string, number>;
  readonly injectedFaults: Record<string, Record<string, number>>;
  readonly injectedFaultsTotal: number;
  readonly clientRetriesAfterUncertainty: number;
  readonly deadLettersRetried: number;
  readonly reconciliationOutcomes: Record<string, number>;
  /** Applications whose circuit the connectors' /ready showed open (or half-open) during the storm. */
  readonly circuitsSeenOpen: readonly string[];
  readonly findings: Findings;
  readonly durationS: number;
}

/**
 * One chaos run: the environment (startEnvironment), then the
 * mixed workload while instances are killed and targets fail; then, once the storm is over and the
 * platform has settled, every effect checked in the targets and in the log.
 */
export async function runChaos(plan: ChaosPlan, seed: number, say: (line: string) => void): Promise<ChaosReport> {
  const started = Date.now();
  const dice = new Dice(seed);
  const { targets, people, table, platform, client, close } = await startEnvironment(dice, plan.instances, say);
  try {
    const flows = new Flows(client, people, platform.issuer, plan.requestDurationHours);
    const killer = new Killer(platform.instances, dice.fork('kills'), plan.killEveryMs, plan.downMs);

    const circuits = new CircuitWatcher(platform.instances.filter((instance) => instance.name.startsWith('connector-')));
    for (const target of targets) target.enableFaults();
    killer.start();
    circuits.start();
    say(`storm: faults on, kills every ${plan.killEveryMs.join('–')} ms`);
    const failedFlows = await runMixedFlows(flows, people, targets, plan, dice.fork('workload'), say);
    await killer.stop();
    circuits.stop();
    for (const target of targets) target.disableFaults();
    say(`storm over after ${killer.kills} kills; settling`);

    const retried = await settle(client, flows, plan, say);
    const findings = merge([
      ...(await Promise.all(targets.map(async (target) => compareTarget(target, await target.read(people.userPrefix), people, table)))),
      await checkLog(client, people, flows.requests, flows.reconciliationRuns),
    ]);
    for (const failure of failedFlows) findings.other.push(`flow failed: ${failure}`);
    for (const failure of killer.restartFailures) findings.other.push(`restart failed: ${failure}`);
    for (const instance of platform.instances) for (const exit of instance.unexpectedExits) findings.other.push(exit);
    const injectedFaults = Object.fromEntries(targets.map((target) => [target.applicationId, target.faultCounts()]));
    return {
      plan: plan.name,
      seed,
      flows: { ...flows.counts },
      kills: killer.kills,
      killsByService: Object.fromEntries(killer.killsByService),
      injectedFaults,
      injectedFaultsTotal: Object.values(injectedFaults).reduce((sum, counts) => sum + Object.values(counts).reduce((a, b) => a + b, 0), 0),
      clientRetriesAfterUncertainty: client.retriesAfterUncertainty,
      deadLettersRetried: retried,
      reconciliationOutcomes: await reconciliationOutcomes(client, flows.reconciliationRuns),
      circuitsSeenOpen: [...circuits.seenOpen].sort(),
      findings,
      durationS: Math.round((Date.now() - started) / 1000),
    };
  } finally {
    await close();
  }
}

/**
 * Waits until nothing is left to do: every requested grant expired and acknowledged, no operation
 * waiting, every reconciliation ended (one whose instance was killed is ended by the sweep). Dead letters are recorded with their cause, then retried as an operator would once the
 * targets are back; returns how many.
 */
async function settle(client: GatewayClient, flows: Flows, plan: ChaosPlan, say: (line: string) => void): Promise<number> {
  const deadline = Date.now() + plan.settleTimeoutMs;
  const idle = async (): Promise<boolean> => (await openOperations(client)).length === 0;
  await waitFor(
    'provisioning to go idle',
    async () => ((await idle()) ? true : undefined),
    Math.max(1_000, deadline - Date.now()),
    2_000,
  ).catch((error: Error) => say(`not idle: ${error.message}`));
  const letters = await deadLetters(client);
  for (const letter of letters) {
    say(
      `dead letter: ${letter.applicationId} ${letter.action} after ${letter.attempts} attempts: ${letter.lastError?.kind} ${letter.lastError?.message}`,
    );
    await client.untilDone(`retry ${letter.id}`, () =>
      client.data('mutation($id: ID!) { retryOperation(id: $id) { id } }', { id: letter.id }),
    );
  }
  await waitFor(
    'every requested grant to expire, every operation and every reconciliation to finish',
    async () =>
      (await idle()) && (await requestsSettled(client, flows.requests)) && (await reconciliationsEnded(client, flows.reconciliationRuns))
        ? true
        : undefined,
    Math.max(1_000, deadline - Date.now()),
    2_000,
  ).catch((error: Error) => say(`not settled: ${error.message}`));
  return letters.length;
}
