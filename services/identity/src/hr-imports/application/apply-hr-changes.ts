import { DomainError } from '@tenure/event-sourcing';
import type { HrRecord, HrSource } from '../../domain/hr-record';
import type { HrChangeSet } from '../../hr-inputs/csv';
import type { CommandOrigin, IdentityCommands } from '../../application/identity-commands';
import type { HrChangeFailure, HrChangeKind } from '../domain';
import { runWithConcurrency } from './run-with-concurrency';

export interface AppliedHrChanges {
  readonly applied: Record<HrChangeKind, number>;
  readonly failures: readonly HrChangeFailure[];
}

interface IdentityChange {
  readonly employeeNumber: string;
  /** Usually one; a scheduled leaver who also moved is one record carrying both. */
  readonly kinds: readonly HrChangeKind[];
  readonly apply: () => Promise<unknown>;
}

/**
 * Applies a change set through the identity commands, `concurrency` identities at a time. Each
 * identity is one command: a failing one (a manager cycle, a terminated identity changed) is
 * recorded as a failure and the others go on.
 */
export async function applyHrChanges(
  changeSet: HrChangeSet,
  commands: IdentityCommands,
  options: {
    readonly source: HrSource;
    readonly origin: CommandOrigin;
    readonly concurrency: number;
    readonly now: () => Date;
    /** Employees whose new manager was proven unable to close a cycle (see cycle-free-changes.ts). */
    readonly cycleFree?: ReadonlySet<string>;
  },
): Promise<AppliedHrChanges> {
  const changes = identityChanges(changeSet, commands, options);
  const applied: Record<HrChangeKind, number> = { hire: 0, rehire: 0, mover: 0, update: 0, leaver: 0 };
  const failures: HrChangeFailure[] = [];
  await runWithConcurrency(changes, options.concurrency, async (change) => {
    try {
      await change.apply();
      for (const kind of change.kinds) applied[kind] += 1;
    } catch (error) {
      failures.push({
        employeeNumber: change.employeeNumber,
        kind: change.kinds[0]!,
        code: error instanceof DomainError ? error.code : 'unexpected',
        error: error instanceof Error ? error.message : String(error),
      });
    }
  });
  failures.sort((a, b) => a.employeeNumber.localeCompare(b.employeeNumber));
  return { applied, failures };
}

function identityChanges(
  changeSet: HrChangeSet,
  commands: IdentityCommands,
  {
    source,
    origin,
    now,
    cycleFree,
  }: { readonly source: HrSource; readonly origin: CommandOrigin; readonly now: () => Date; readonly cycleFree?: ReadonlySet<string> },
): IdentityChange[] {
  const byEmployee = new Map<string, IdentityChange>();
  const sync = (record: HrRecord) => () =>
    commands.syncFromHr(record, source, origin, { managerCycleRuledOut: cycleFree?.has(record.employeeNumber) ?? false });
  const syncs = [
    ...changeSet.hires.map((change) => ({ ...change, kind: 'hire' as const })),
    ...changeSet.rehires.map((change) => ({ ...change, kind: 'rehire' as const })),
    ...changeSet.movers.map((change) => ({ ...change, kind: 'mover' as const })),
    ...changeSet.updates.map((change) => ({ ...change, kind: 'update' as const })),
  ];
  for (const { employeeNumber, record, kind } of syncs) {
    byEmployee.set(employeeNumber, { employeeNumber, kinds: [kind], apply: sync(record) });
  }
  for (const leave of changeSet.leavers) {
    const { employeeNumber, record } = leave;
    const existing = byEmployee.get(employeeNumber);
    if (existing) {
      // The same record also schedules the termination: one command does both.
      byEmployee.set(employeeNumber, { ...existing, kinds: [...existing.kinds, 'leaver'] });
    } else if (record) {
      byEmployee.set(employeeNumber, { employeeNumber, kinds: ['leaver'], apply: sync(record) });
    } else {
      // Missing from a complete file: there is no record, only the fact that HR no longer lists them.
      byEmployee.set(employeeNumber, {
        employeeNumber,
        kinds: ['leaver'],
        apply: () =>
          commands.execute(
            employeeNumber,
            { type: 'Terminate', data: { effectiveDate: null, reason: leave.reason, now: now(), source } },
            origin,
          ),
      });
    }
  }
  return [...byEmployee.values()];
}
