import { commandHandler, type Actor, type Clock, type EventStore, type IdGenerator } from '@tenure/event-sourcing';
import type { Pool } from 'pg';
import { IdentityCommands, type CommandOrigin } from '../../application/identity-commands';
import type { HrSource } from '../../domain/hr-record';
import { utcDateOf } from '../../domain/identity';
import { DEFAULT_MASS_CHANGE_POLICY, guardMassChange, type MassChangePolicy } from '../../hr-inputs/change-guard';
import { diffHrRecords, importHrCsv, populationSize, type CurrentIdentities, type HrChangeSet } from '../../hr-inputs/csv';
import {
  checkCorrection,
  hrImportDecider,
  recordToCorrect,
  summarise,
  type HrImportChannel,
  type HrImportCommand,
  type HrImportState,
} from '../domain';
import { applyCorrectedRecord } from './apply-corrected-record';
import { applyHrChanges } from './apply-hr-changes';
import { correctedRow, validateCorrectedRow, type CorrectedRowValidation, type HrRecordValue } from './corrected-row';
import { withCorrectionLock } from './correction-lock';
import type { HrImportCorrectionOutcome } from './hr-import-correction-outcome';
import { provablyCycleFree } from './cycle-free-changes';
import { hrImportStreamId } from './hr-import-streams';
import { outcome, type HrImportOutcome } from './hr-import-outcome';
import { loadCurrentIdentities } from './load-current-identities';

export interface HrImportServiceDependencies {
  readonly store: EventStore;
  /** The read models' database (identity_directory). */
  readonly pool: Pool;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Resolves once identity_directory reflects every identity event committed so far: the diff needs it. */
  readonly directoryCaughtUp: () => Promise<void>;
  /** Defaults to identity commands over the same store, pool, clock and ids. */
  readonly commands?: IdentityCommands;
  readonly policy?: MassChangePolicy;
  /** Identities changed at once while applying. Default 8. */
  readonly concurrency?: number;
}

export interface HrCsvImportRequest {
  readonly fileName: string;
  readonly content: string | Buffer;
  /** The file lists everyone employed: people missing from it leave (subject to the mass-change guard). */
  readonly complete: boolean;
  readonly actor: Actor;
  readonly channel?: HrImportChannel;
}

/**
 * HR import runs: a CSV file is read, its bad rows kept, its real changes computed against the
 * directory and either applied through the identity commands or, when the mass-change guard says so,
 * held whole (in the run's events, so a confirmation works after a restart) until an administrator
 * confirms or discards them. Usable without Nest (benchmarks, CLI).
 */
export class HrImportService {
  private readonly commands: IdentityCommands;
  private readonly handleRun;

  constructor(private readonly deps: HrImportServiceDependencies) {
    this.commands = deps.commands ?? new IdentityCommands(deps);
    this.handleRun = commandHandler(deps.store, hrImportDecider, { ids: deps.ids });
  }

  async importCsv(request: HrCsvImportRequest): Promise<HrImportOutcome> {
    const runId = this.deps.ids.newId();
    const now = this.deps.clock.now();
    const asOf = utcDateOf(now, request.fileName);
    await this.deps.directoryCaughtUp();
    const current = await loadCurrentIdentities(this.deps.pool);
    const result = importHrCsv(request.content, current);
    const origin = this.origin(runId, request.actor);

    await this.run(runId, origin, {
      type: 'StartHrImport',
      data: {
        runId,
        fileName: request.fileName,
        complete: request.complete,
        rows: result.accepted.length + result.rejected.length,
        channel: request.channel ?? 'cli',
        asOf,
        fileErrors: result.fileErrors,
        rejected: result.rejected,
        now,
      },
    });
    if (result.fileErrors.length > 0) return outcome(runId, 'refused', { fileErrors: result.fileErrors });

    const changeSet = diffHrRecords(result.accepted, current, {
      asOf,
      complete: request.complete,
      presentInFile: result.employeeNumbersInFile,
    });
    const decision = guardMassChange(changeSet, populationSize(current), this.deps.policy ?? DEFAULT_MASS_CHANGE_POLICY);
    const { rejected, warnings } = result;
    if (decision.decision === 'hold') {
      await this.run(runId, origin, { type: 'HoldHrImportChanges', data: { decision, changeSet } });
      return outcome(runId, 'held', { rejected, warnings, holdReasons: decision.reasons, heldSummary: summarise(changeSet) });
    }
    const completed = await this.applyAndComplete(runId, changeSet, origin, current);
    return { ...completed, rejected, warnings };
  }

  /** Applies a held change set; refused unless the run is held. */
  async confirm(runId: string, actor: Actor): Promise<HrImportOutcome> {
    const origin = this.origin(runId, actor);
    const { state } = await this.run(runId, origin, { type: 'ConfirmHrImportChanges', data: { by: actor.id, now: this.deps.clock.now() } });
    if (state.status !== 'confirmed') throw new Error(`HR import ${runId} is ${state.status} after its confirmation`);
    await this.deps.directoryCaughtUp();
    return this.applyAndComplete(runId, state.changeSet, origin, await loadCurrentIdentities(this.deps.pool));
  }

  /** Drops a held change set: nothing of it is applied. */
  async discard(runId: string, actor: Actor, reason: string): Promise<HrImportOutcome> {
    const origin = this.origin(runId, actor);
    const before = await this.runState(runId);
    await this.run(runId, origin, { type: 'DiscardHrImportChanges', data: { by: actor.id, reason, now: this.deps.clock.now() } });
    return outcome(runId, 'discarded', { heldSummary: before.status === 'held' ? summarise(before.changeSet) : null });
  }

  /**
   * Corrects a rejected record of a run: the rejected row's raw values with `values` over them are
   * validated as a row of the file, and the record's real change against the directory is applied now
   * (source: the run) and recorded as the record's correction. Refused with nothing applied or recorded,
   * the record staying rejected, when the row is still invalid; refused with nothing recorded when the
   * identity refuses the change (so it can be corrected again). A record is corrected once.
   */
  async correctRecord(runId: string, line: number, values: readonly HrRecordValue[], actor: Actor): Promise<HrImportCorrectionOutcome> {
    return withCorrectionLock(this.deps.pool, runId, async () => {
      const state = await this.runState(runId);
      const { record: rejected } = recordToCorrect(state, line);
      const row = correctedRow(rejected.raw, values);
      await this.deps.directoryCaughtUp();
      const current = await loadCurrentIdentities(this.deps.pool);
      const validation: CorrectedRowValidation =
        row.problems.length > 0 ? { ok: false, problems: row.problems } : validateCorrectedRow(row.raw, line, current);
      const correction = { line, raw: row.raw, problems: validation.ok ? [] : validation.problems };
      checkCorrection(state, correction); // refuses an invalid correction before anything is applied
      if (!validation.ok) throw new Error('unreachable: checkCorrection refuses a correction with problems');

      const { record, warnings } = validation;
      const now = this.deps.clock.now();
      const origin = this.origin(runId, actor);
      const outcome = await applyCorrectedRecord(record, current, this.commands, {
        asOf: utcDateOf(now, record.employeeNumber),
        source: { kind: 'csv', reference: runId },
        origin,
        now: () => this.deps.clock.now(),
      });
      const { events } = await this.run(runId, origin, {
        type: 'CorrectHrImportRecord',
        data: { ...correction, by: actor.id, now, outcome },
      });
      const [corrected] = events;
      if (corrected?.type !== 'HrImportRecordCorrected') {
        throw new Error(`HR import ${runId}, line ${line}: the correction recorded nothing`);
      }
      const { employeeNumber, result, changes } = corrected.data;
      return { runId, line, employeeNumber, result, changes, warnings };
    });
  }

  /** `current`: the directory the change set is applied to, to rule out manager cycles for the whole set at once. */
  private async applyAndComplete(
    runId: string,
    changeSet: HrChangeSet,
    origin: CommandOrigin,
    current: CurrentIdentities,
  ): Promise<HrImportOutcome> {
    const source: HrSource = { kind: 'csv', reference: runId };
    const { applied, failures } = await applyHrChanges(changeSet, this.commands, {
      source,
      origin,
      concurrency: this.deps.concurrency ?? 8,
      cycleFree: provablyCycleFree(changeSet, current),
      now: () => this.deps.clock.now(),
    });
    const { state } = await this.run(runId, origin, { type: 'CompleteHrImport', data: { applied, failures, now: this.deps.clock.now() } });
    const counts = state.status === 'completed' ? state.counts : undefined;
    return outcome(runId, 'applied', { failures, ...(counts ? { counts } : {}) });
  }

  private async runState(runId: string): Promise<HrImportState> {
    const events = await this.deps.store.readStream(hrImportStreamId(runId));
    return events.reduce(
      (state, event) =>
        hrImportDecider.evolve(state, { type: event.type, data: event.data } as Parameters<typeof hrImportDecider.evolve>[1]),
      hrImportDecider.initialState(),
    );
  }

  private run(runId: string, origin: CommandOrigin, command: HrImportCommand) {
    return this.handleRun(hrImportStreamId(runId), command, {
      commandId: this.deps.ids.newId(),
      correlationId: origin.correlationId,
      actor: origin.actor,
      now: this.deps.clock.now(),
    });
  }

  private origin(runId: string, actor: Actor): CommandOrigin {
    return { actor, correlationId: runId };
  }
}
