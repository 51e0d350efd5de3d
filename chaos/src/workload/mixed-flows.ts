import type { ChaosPlan } from '../plan';
import type { Dice } from '../random';
import type { ChaosTarget } from '../targets/target-state';
import type { Flows } from './flows';
import { DEPARTMENTS, type People, type Person } from './people';

const MAX_RECONCILIATIONS = 3;

type FlowKind = 'joiner' | 'mover' | 'leaver' | 'request' | 'reconciliation';
const WEIGHTS: readonly (readonly [FlowKind, number])[] = [
  ['joiner', 0.22],
  ['mover', 0.2],
  ['leaver', 0.13],
  ['request', 0.4],
  ['reconciliation', 0.05],
];

/**
 * The run's workload: the first joiners, then a seeded mix of joiners, movers, leavers, just-in-time
 * requests and reconciliations, `concurrency` at a time. A flow that fails for good is reported
 * (returned), not retried: the run then fails, naming it.
 */
export async function runMixedFlows(
  flows: Flows,
  people: People,
  targets: readonly ChaosTarget[],
  plan: ChaosPlan,
  dice: Dice,
  say: (line: string) => void,
): Promise<string[]> {
  const failures: string[] = [];
  const lastRequested = new Map<string, number>();
  // Long enough for the previous grant of the same entitlement to be provisioned under faults,
  // expire and be revoked: asking again while it is held is refused, rightly, and is not this test's subject.
  const holdMs = plan.requestDurationHours * 3_600_000 + 240_000;

  const attempt = async (what: string, flow: () => Promise<unknown>): Promise<void> => {
    try {
      await flow();
    } catch (error) {
      failures.push(`${what}: ${(error as Error).message}`);
    }
  };
  const withPerson = async (person: Person, flow: () => Promise<void>): Promise<void> => {
    person.busy = true;
    try {
      await flow();
    } finally {
      person.busy = false;
    }
  };

  const next = (): (() => Promise<void>) => {
    const kind = chooseKind(dice, flows.counts.reconciliations >= MAX_RECONCILIATIONS);
    const person = people.available().length > 0 ? dice.pick(people.available()) : undefined;
    if (kind === 'joiner' || !person) {
      const department = dice.pick(DEPARTMENTS);
      return () => attempt(`joiner in ${department}`, () => flows.hire(department));
    }
    if (kind === 'mover') return () => withPerson(person, () => attempt(`mover ${person.employeeNumber}`, () => flows.move(person, dice)));
    if (kind === 'leaver') return () => withPerson(person, () => attempt(`leaver ${person.employeeNumber}`, () => flows.leave(person)));
    if (kind === 'reconciliation') {
      const target = dice.pick(targets);
      return () => attempt(`reconciliation of ${target.applicationId}`, () => flows.reconcile(target.applicationId));
    }
    const target = dice.pick(targets);
    const entitlement = dice.pick(target.requestable);
    const key = `${person.employeeNumber} ${target.applicationId}/${entitlement}`;
    // The same grant asked again while the first still runs is refused as already held: not this test's subject.
    if (Date.now() - (lastRequested.get(key) ?? -Infinity) < holdMs) return () => Promise.resolve();
    lastRequested.set(key, Date.now());
    return () => withPerson(person, () => attempt(`request ${key}`, () => flows.requestAccess(person, target.applicationId, entitlement)));
  };

  let hired = 0;
  await inLanes(
    plan.concurrency,
    () => hired++ < plan.joiners,
    () => {
      const department = dice.pick(DEPARTMENTS);
      return attempt(`joiner in ${department}`, () => flows.hire(department));
    },
  );
  say(`${flows.counts.joiners} joiners hired; mixed flows for ${plan.stormMs / 1000} s`);
  const stormEnds = Date.now() + plan.stormMs;
  await inLanes(
    plan.concurrency,
    () => Date.now() < stormEnds,
    async () => {
      await next()();
      await new Promise((resolve) => setTimeout(resolve, dice.between(...plan.pauseMs)));
    },
  );
  say(`flows done: ${JSON.stringify(flows.counts)}, ${failures.length} failed`);
  return failures;
}

function chooseKind(dice: Dice, noMoreReconciliations: boolean): FlowKind {
  for (;;) {
    let draw = dice.roll();
    for (const [kind, weight] of WEIGHTS) {
      if (draw < weight) {
        if (kind === 'reconciliation' && noMoreReconciliations) break;
        return kind;
      }
      draw -= weight;
    }
  }
}

/** `lanes` loops running `task` one after the other while `more()` says so. */
async function inLanes(lanes: number, more: () => boolean, task: () => Promise<void>): Promise<void> {
  const lane = async (): Promise<void> => {
    while (more()) await task();
  };
  await Promise.all(Array.from({ length: lanes }, lane));
}
