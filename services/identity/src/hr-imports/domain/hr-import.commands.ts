import { DomainError } from '@tenure/event-sourcing';
import type { MassChangeDecision } from '../../hr-inputs/change-guard';
import type { HrChangeSet, RejectedHrRow } from '../../hr-inputs/csv';
import { assertNever } from '../../domain/identity/assert-never';
import { decideCorrection, type CorrectHrImportRecord } from './hr-import-correction';
import { decideUnnamedRowsErasure, type EraseHrImportUnnamedRows } from './hr-import-unnamed-rows-erasure';
import { illegal } from './hr-import-errors';
import type { HrChangeKind, HrImportChannel, HrImportCounts, HrImportEvent, HrImportState } from './hr-import.events';

/** One failed change, as the application saw it when applying a change set. */
export interface HrChangeFailure {
  readonly employeeNumber: string;
  readonly kind: HrChangeKind;
  readonly code: string;
  readonly error: string;
}

/** A file arrived: records the run with its rejected rows, or refuses it whole when `fileErrors` is not empty. */
export interface StartHrImport {
  readonly type: 'StartHrImport';
  readonly data: {
    readonly runId: string;
    readonly fileName: string;
    readonly complete: boolean;
    readonly rows: number;
    readonly channel: HrImportChannel;
    readonly asOf: string;
    readonly fileErrors: readonly string[];
    readonly rejected: readonly RejectedHrRow[];
    readonly now: Date;
  };
}

export interface HoldHrImportChanges {
  readonly type: 'HoldHrImportChanges';
  readonly data: { readonly decision: MassChangeDecision; readonly changeSet: HrChangeSet };
}

export interface ConfirmHrImportChanges {
  readonly type: 'ConfirmHrImportChanges';
  readonly data: { readonly by: string; readonly now: Date };
}

export interface DiscardHrImportChanges {
  readonly type: 'DiscardHrImportChanges';
  readonly data: { readonly by: string; readonly reason: string; readonly now: Date };
}

/** The change set was applied (straight away, or after a confirmation): what went through and what failed. */
export interface CompleteHrImport {
  readonly type: 'CompleteHrImport';
  readonly data: {
    readonly applied: Readonly<Record<HrChangeKind, number>>;
    readonly failures: readonly HrChangeFailure[];
    readonly now: Date;
  };
}

export type HrImportCommand =
  | StartHrImport
  | HoldHrImportChanges
  | ConfirmHrImportChanges
  | DiscardHrImportChanges
  | CompleteHrImport
  | CorrectHrImportRecord
  | EraseHrImportUnnamedRows;

export function decide(command: HrImportCommand, state: HrImportState): readonly HrImportEvent[] {
  switch (command.type) {
    case 'StartHrImport':
      return decideStart(command.data, state);
    case 'HoldHrImportChanges': {
      if (state.status !== 'open') throw illegal(state, 'holding its changes', 'only a run whose changes are not decided yet can be held');
      const { decision, changeSet } = command.data;
      return [
        {
          type: 'HrImportChangesHeld',
          data: {
            runId: state.runId,
            reasons: decision.reasons,
            measures: decision.measures,
            population: decision.population,
            summary: summarise(changeSet),
            changeSet,
          },
        },
      ];
    }
    case 'ConfirmHrImportChanges': {
      if (state.status !== 'held') throw illegal(state, 'confirming its changes', 'only held changes can be confirmed');
      const { by, now } = command.data;
      return [{ type: 'HrImportChangesConfirmed', data: { runId: state.runId, by, confirmedAt: now.toISOString() } }];
    }
    case 'DiscardHrImportChanges': {
      if (state.status !== 'held') throw illegal(state, 'discarding its changes', 'only held changes can be discarded');
      const { by, reason, now } = command.data;
      if (reason.trim() === '') {
        throw new DomainError('validation', `HR import ${state.runId}: a reason is required to discard held changes`, {
          runId: state.runId,
          field: 'reason',
        });
      }
      return [{ type: 'HrImportChangesDiscarded', data: { runId: state.runId, by, reason, discardedAt: now.toISOString() } }];
    }
    case 'CompleteHrImport':
      return decideComplete(command.data, state);
    case 'CorrectHrImportRecord':
      return decideCorrection(command.data, state);
    case 'EraseHrImportUnnamedRows':
      return decideUnnamedRowsErasure(command.data, state);
    default:
      return assertNever(command);
  }
}

function decideStart(data: StartHrImport['data'], state: HrImportState): readonly HrImportEvent[] {
  if (state.status !== 'not-started') {
    throw new DomainError('conflict', `HR import ${data.runId} was already started`, { runId: data.runId });
  }
  const { runId, fileName, complete, rows, channel, asOf, now } = data;
  const started: HrImportEvent = {
    type: 'HrImportStarted',
    data: { runId, fileName, complete, rows, channel, asOf, startedAt: now.toISOString() },
  };
  if (data.fileErrors.length > 0) return [started, { type: 'HrImportRefused', data: { runId, errors: data.fileErrors } }];
  return [
    started,
    ...data.rejected.map((row): HrImportEvent => ({
      type: 'HrImportRecordRejected',
      data: { runId, line: row.line, employeeNumber: row.employeeNumber ?? null, raw: row.raw, errors: row.errors },
    })),
  ];
}

function decideComplete(data: CompleteHrImport['data'], state: HrImportState): readonly HrImportEvent[] {
  if (state.status !== 'open' && state.status !== 'confirmed') {
    throw illegal(state, 'completing', 'only a run being applied (straight away or after a confirmation) can complete');
  }
  const { applied, failures, now } = data;
  const counts: HrImportCounts = {
    hires: applied.hire,
    rehires: applied.rehire,
    movers: applied.mover,
    updates: applied.update,
    leavers: applied.leaver,
    failed: failures.length,
    rejected: state.quarantine.size,
  };
  return [
    ...failures.map((failure): HrImportEvent => ({ type: 'HrImportRecordFailed', data: { runId: state.runId, ...failure } })),
    { type: 'HrImportCompleted', data: { runId: state.runId, counts, completedAt: now.toISOString() } },
  ];
}

export function summarise(changeSet: HrChangeSet): Readonly<Record<HrChangeKind, number>> {
  return {
    hire: changeSet.hires.length,
    rehire: changeSet.rehires.length,
    mover: changeSet.movers.length,
    update: changeSet.updates.length,
    leaver: changeSet.leavers.length,
  };
}
