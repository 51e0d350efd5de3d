import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DomainError } from '@tenure/event-sourcing';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import { CallerGuard, EVENT_STORE } from '@tenure/service-runtime';
import { Arg, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { IdentityBackground } from '../../application/identity-background';
import { findHrImportRun, HrImportService, HrImportUnnamedRowsErasure, listHeldHrImportRuns, listHrImportRuns } from '../../hr-imports';
import { HrImportsBackground } from '../../hr-imports/hr-imports-background';
import { HrImportRunConnection } from './hr-import-run-connection.type';
import { toFailedChanges, toHrImportRun, toRejectedRecords, type HrImportRunResult } from './hr-import-run.mapper';
import { HrImportFailedChange, HrImportRejectedRecord, HrImportRun } from './hr-import-run.type';
import { HrRecordValueInput } from './hr-record-value.input';
import { decodeRunCursor, encodeRunCursor } from './run-cursor';

/** Largest CSV accepted as text; the request body limits (100kb by default at the gateway and the service) apply first. */
export const MAX_CSV_CHARACTERS = 100_000;
const MAX_PAGE = 100;

/**
 * HR import runs: queries are open like the other identity queries until OIDC and roles arrive
 * (issue 7); the mutations need an administrator token (ADMIN_TOKENS).
 */
@Injectable()
@Resolver(() => HrImportRun)
export class HrImportsResolver {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly imports: HrImportService,
    private readonly unnamedRows: HrImportUnnamedRowsErasure,
    private readonly background: HrImportsBackground,
    private readonly guard: CallerGuard,
    private readonly moduleRef: ModuleRef,
  ) {}

  @Query(() => HrImportRunConnection, { description: 'Import runs, newest first, a page at a time (at most 100 per page).' })
  async hrImportRuns(
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'An endCursor: continue with older runs.' }) after: string | null,
  ): Promise<HrImportRunConnection> {
    this.guard.requireReader('hrImportRuns');
    if (first < 0 || first > MAX_PAGE) {
      throw new DomainError('validation', `first must be between 0 and ${MAX_PAGE}, got ${first}`, { field: 'first', max: MAX_PAGE });
    }
    if (first === 0) return { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
    const rows = await listHrImportRuns(this.store.pool, { limit: first + 1, ...(after ? { before: decodeRunCursor(after) } : {}) });
    const edges = rows.slice(0, first).map((row) => ({
      cursor: encodeRunCursor({ startedAt: row.started_at, runId: row.run_id }),
      node: toHrImportRun(row),
    }));
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  @Query(() => HrImportRun, { nullable: true, description: 'The run with this id; null when there is none.' })
  async hrImportRun(@Arg('id', () => ID) id: string): Promise<HrImportRun | null> {
    this.guard.requireReader('hrImportRun');
    const found = await findHrImportRun(this.store.pool, id);
    return found ? toHrImportRun(found.run, found.errors) : null;
  }

  @Query(() => [HrImportRun], { description: 'Runs whose changes wait for an administrator to confirm or discard them, oldest first.' })
  async heldHrImportRuns(): Promise<HrImportRun[]> {
    this.guard.requireReader('heldHrImportRuns');
    return (await listHeldHrImportRuns(this.store.pool)).map((row) => toHrImportRun(row));
  }

  @Mutation(() => HrImportRun, {
    description:
      'Imports an HR CSV file sent as text in `csv` (no multipart upload: the file content goes as a string, at most ' +
      `${MAX_CSV_CHARACTERS} characters, and the request body limit of the gateway and the service applies; larger files go ` +
      'through the CLI). Needs Authorization: Bearer <administrator token>. Bad rows are kept as rejected records; ' +
      'a mass change is held (status HELD) until confirmHrImport or discardHrImport.',
  })
  async importHrFile(
    @Arg('fileName', () => String) fileName: string,
    @Arg('csv', () => String) csv: string,
    @Arg('complete', () => Boolean, { defaultValue: false, description: 'The file lists everyone employed: people missing from it leave.' })
    complete: boolean,
  ): Promise<HrImportRun> {
    const actor = this.guard.requireAdministrator('importHrFile');
    if (fileName.trim() === '') throw new DomainError('validation', 'fileName must not be empty', { field: 'fileName' });
    if (csv.length > MAX_CSV_CHARACTERS) {
      throw new DomainError('validation', `csv has ${csv.length} characters, more than the ${MAX_CSV_CHARACTERS} accepted: use the CLI`, {
        field: 'csv',
        max: MAX_CSV_CHARACTERS,
      });
    }
    const outcome = await this.imports.importCsv({ fileName, content: csv, complete, actor, channel: 'upload' });
    return this.runAfterChange(outcome.runId);
  }

  @Mutation(() => HrImportRun, { description: 'Applies the held changes of a HELD run. Needs an administrator token.' })
  async confirmHrImport(@Arg('runId', () => ID) runId: string): Promise<HrImportRun> {
    const actor = this.guard.requireAdministrator('confirmHrImport');
    await this.imports.confirm(runId, actor);
    return this.runAfterChange(runId);
  }

  @Mutation(() => HrImportRun, { description: 'Drops the held changes of a HELD run: none is applied. Needs an administrator token.' })
  async discardHrImport(@Arg('runId', () => ID) runId: string, @Arg('reason', () => String) reason: string): Promise<HrImportRun> {
    const actor = this.guard.requireAdministrator('discardHrImport');
    if (reason.trim() === '') throw new DomainError('validation', 'reason must say why the changes are discarded', { field: 'reason' });
    await this.imports.discard(runId, actor, reason);
    return this.runAfterChange(runId);
  }

  @Mutation(() => HrImportRun, {
    description:
      'Corrects a rejected record of a run (see rejectedRecords): `values` replace the rejected row’s values column by column, ' +
      'columns not given keep them (no values resubmits the row as it was). The corrected row is validated like a row of the file ' +
      'and its change applied now, like an import of that one row. An invalid correction (BAD_USER_INPUT naming the run, line, ' +
      'field and problem) or one the identity refuses is not recorded: the record stays rejected. A record is corrected once ' +
      '(FAILED_PRECONDITION after). Needs an administrator token.',
  })
  async correctHrImportRecord(
    @Arg('runId', () => ID) runId: string,
    @Arg('line', () => Int, { description: 'The rejected record’s line in the file.' }) line: number,
    @Arg('values', () => [HrRecordValueInput]) values: HrRecordValueInput[],
  ): Promise<HrImportRun> {
    const actor = this.guard.requireAdministrator('correctHrImportRecord');
    await this.imports.correctRecord(runId, line, values, actor);
    return this.runAfterChange(runId);
  }

  @Mutation(() => HrImportRun, {
    description:
      'Erases the rejected records of a run that have no employee number (docs/personal-data.md): they name nobody, so no ' +
      'person’s erasure reaches them. Their values were sealed under the run’s own key, which is destroyed: raw values and ' +
      'errors read "[erased]" from then on, and the records can no longer be corrected. Records that name a person are ' +
      'untouched. The retention period (HR_IMPORT_UNNAMED_ROWS_RETENTION_DAYS after the run ended) does the same without a ' +
      'request. Running it again changes nothing. Needs an administrator.',
  })
  async eraseHrImportUnnamedRows(
    @Arg('runId', () => ID) runId: string,
    @Arg('legalReference', () => String, { description: 'The request this answers (case number, legal basis); no personal data.' })
    legalReference: string,
  ): Promise<HrImportRun> {
    const actor = this.guard.requireAdministrator('eraseHrImportUnnamedRows');
    await this.unnamedRows.erase(runId, { reason: 'administrator', legalReference }, actor);
    return this.runAfterChange(runId);
  }

  @FieldResolver(() => [HrImportRejectedRecord], { description: 'Rows refused before any change, in file order.' })
  async rejectedRecords(@Root() run: HrImportRunResult): Promise<HrImportRejectedRecord[]> {
    return toRejectedRecords(await this.recordErrorsOf(run));
  }

  @FieldResolver(() => [HrImportFailedChange], { description: 'Changes the identities refused while applying.' })
  async failedChanges(@Root() run: HrImportRunResult): Promise<HrImportFailedChange[]> {
    return toFailedChanges(await this.recordErrorsOf(run));
  }

  private async recordErrorsOf(run: HrImportRunResult) {
    return run.recordErrors ?? (await findHrImportRun(this.store.pool, run.id))?.errors ?? [];
  }

  /** Read-your-writes: the run (and the directory) as the read models show them once they reflect the change just made. */
  private async runAfterChange(runId: string): Promise<HrImportRun> {
    // The directory's background is the application module's, created after this one: looked up when needed.
    const directory = this.moduleRef.get(IdentityBackground, { strict: false });
    await Promise.all([this.background.runsCaughtUp(), directory.directoryCaughtUp()]);
    const found = await findHrImportRun(this.store.pool, runId);
    if (!found) throw new DomainError('not_found', `HR import run ${runId} is not in the read model after its change`, { runId });
    return toHrImportRun(found.run, found.errors);
  }
}
