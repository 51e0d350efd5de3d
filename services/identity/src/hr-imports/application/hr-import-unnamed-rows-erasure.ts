import { commandHandler, type Actor, type Clock, type EventStore, type IdGenerator } from '@tenure/event-sourcing';
import { importRunSubject, type PersonalDataKeys } from '@tenure/personal-data';
import { hrImportDecider, type HrImportUnnamedRowsErasureReason } from '../domain';
import { hrImportStreamId } from './hr-import-streams';

export interface HrImportUnnamedRowsErasureDependencies {
  readonly store: EventStore;
  /** The event store's key table (PostgresEventStore.personalData.keys). */
  readonly keys: Pick<PersonalDataKeys, 'destroy'>;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/** Why the rows are erased: the retention period, or an administrator answering a legal request. */
export type HrImportUnnamedRowsErasureRequest =
  | { readonly reason: Extract<HrImportUnnamedRowsErasureReason, 'retention'> }
  | { readonly reason: Extract<HrImportUnnamedRowsErasureReason, 'administrator'>; readonly legalReference: string };

export interface HrImportUnnamedRowsErasureOutcome {
  readonly runId: string;
  /** False when nothing was left to erase (already erased, or no row that names nobody): only the key destruction ran again. */
  readonly recorded: boolean;
  readonly destroyedKeyIds: readonly string[];
}

/**
 * Erases an import run's rejected rows that name nobody, whose values are sealed under the run's own key
 * (`hr-import-run-<run id>`, libs/personal-data/src/hr-input-personal-fields.ts): records
 * HrImportUnnamedRowsErased on the run's stream, then destroys that key. The same order as
 * PersonalDataErasure: the event first, so the read model blanks its copies even if the destruction
 * fails; the command records nothing the second time, so running it again finishes the destruction.
 */
export class HrImportUnnamedRowsErasure {
  private readonly handleRun;

  constructor(private readonly deps: HrImportUnnamedRowsErasureDependencies) {
    this.handleRun = commandHandler(deps.store, hrImportDecider, { ids: deps.ids });
  }

  async erase(
    runId: string,
    request: HrImportUnnamedRowsErasureRequest,
    actor: Actor,
    /** Default: the request's (see `CommandContext.correlationId`). */
    correlationId?: string,
  ): Promise<HrImportUnnamedRowsErasureOutcome> {
    const now = this.deps.clock.now();
    const legalReference = request.reason === 'administrator' ? request.legalReference : undefined;
    const { events } = await this.handleRun(
      hrImportStreamId(runId),
      {
        type: 'EraseHrImportUnnamedRows',
        data: { reason: request.reason, ...(legalReference === undefined ? {} : { legalReference }), by: actor.id, now },
      },
      { commandId: this.deps.ids.newId(), correlationId, actor, now },
    );
    const why =
      legalReference === undefined
        ? 'retention period of HR import rows that name nobody'
        : `erased on legal request: ${legalReference.trim()}`;
    const destroyed = await this.deps.keys.destroy(importRunSubject(runId), why);
    return { runId, recorded: events.length > 0, destroyedKeyIds: destroyed.keyIds };
  }
}
