import { DomainError, type EventStore } from '@tenure/event-sourcing';
import type { Pool } from 'pg';
import type { CommandOrigin } from '../../application/identity-commands';
import { identityStreamId } from '../../application/identity-streams';
import type { HrSource } from '../../domain/hr-record';
import { HrChangeHeld, type FeedAction, type FeedChangeGuard } from '../feed-guard';
import { DIRECTORY_COLUMNS, DIRECTORY_FROM, directoryRowToIdentity, type DirectoryRowWithExternalId } from './directory-row';
import type { DirectoryIdentity, DirectoryPage, DirectoryQuery, HrDirectory, SyncIdentity, TerminateIdentity } from './hr-directory';
import { identityFilterSql } from './identity-filter-sql';
import { CREATE_SCIM_EXTERNAL_IDS, UPSERT_SCIM_EXTERNAL_ID } from './scim-external-ids.table';

export interface EventSourcedHrDirectoryDependencies {
  readonly store: EventStore;
  /** The database of the `identity_directory` read model. */
  readonly pool: Pool;
  /** Every write goes through the live-feed burst guard (SCIM channel). */
  readonly guard: FeedChangeGuard;
  /** Resolves once the directory read model has applied everything committed so far. */
  readonly readModel: { directoryCaughtUp(): Promise<void> };
}

/** SCIM pushes act as the HR feed called "scim". */
const SCIM_ACTOR = { kind: 'hr-feed', id: 'scim' } as const;

/**
 * The `HrDirectory` port on the event store: writes are identity commands, reads come from the
 * `identity_directory` read model once it has caught up with them, so a response shows its write.
 * The version is the identity stream's revision.
 */
export class EventSourcedHrDirectory implements HrDirectory {
  private schema: Promise<unknown> | undefined;

  constructor(private readonly deps: EventSourcedHrDirectoryDependencies) {}

  async list(query: DirectoryQuery): Promise<DirectoryPage> {
    await this.ready();
    const parameters: unknown[] = [];
    const where = identityFilterSql(query.filter, parameters);
    const total = await this.deps.pool.query<{ total: string }>(
      `SELECT count(*) AS total FROM ${DIRECTORY_FROM} WHERE ${where}`,
      parameters,
    );
    const totalResults = Number(total.rows[0]?.total ?? 0);
    if (query.count <= 0) return { totalResults, identities: [] };
    const page = await this.deps.pool.query<DirectoryRowWithExternalId>(
      `SELECT ${DIRECTORY_COLUMNS} FROM ${DIRECTORY_FROM} WHERE ${where}
        ORDER BY d.created_at, d.employee_number OFFSET $${parameters.length + 1} LIMIT $${parameters.length + 2}`,
      [...parameters, Math.max(query.startIndex - 1, 0), query.count],
    );
    return { totalResults, identities: page.rows.map(directoryRowToIdentity) };
  }

  async get(id: string): Promise<DirectoryIdentity | null> {
    await this.ready();
    const row = await this.rowById(id);
    return row ? directoryRowToIdentity(row) : null;
  }

  async sync(command: SyncIdentity): Promise<DirectoryIdentity> {
    await this.ready();
    const { record, source } = command;
    if (command.id === null) {
      await this.refuseExistingEmployeeNumber(record.employeeNumber);
    } else {
      const current = await this.existing(command.id);
      if (current.employee_number !== record.employeeNumber) {
        throw new DomainError(
          'validation',
          `identity ${command.id} is employee ${current.employee_number}; its employee number cannot become ${record.employeeNumber}`,
          { identityId: command.id, field: 'employeeNumber' },
        );
      }
      await this.assertVersion(current.employee_number, command.id, command.expectedVersion);
    }
    await this.submit(record.employeeNumber, { type: 'sync', record }, source, command.id);
    await this.deps.readModel.directoryCaughtUp();
    const written = await this.rowByEmployeeNumber(record.employeeNumber);
    await this.deps.pool.query(UPSERT_SCIM_EXTERNAL_ID, [written.identity_id, command.externalId]);
    return directoryRowToIdentity({ ...written, external_id: command.externalId });
  }

  async terminate(command: TerminateIdentity): Promise<DirectoryIdentity> {
    await this.ready();
    const current = await this.existing(command.id);
    await this.assertVersion(current.employee_number, command.id, command.expectedVersion);
    const action: FeedAction = { type: 'terminate', effectiveDate: null, reason: 'SCIM DELETE / active:false' };
    await this.submit(current.employee_number, action, command.source, command.id);
    await this.deps.readModel.directoryCaughtUp();
    return directoryRowToIdentity(await this.rowByEmployeeNumber(current.employee_number));
  }

  /** Applies the change, or throws HrChangeHeld (with the identity as it still is) when the burst guard keeps it. */
  private async submit(employeeNumber: string, action: FeedAction, source: HrSource, id: string | null): Promise<void> {
    const outcome = await this.deps.guard.submit('scim', { employeeNumber, action, source, origin: originOf(source) });
    if (outcome.kind === 'applied') return;
    const current = id === null ? undefined : await this.rowById(id);
    throw new HrChangeHeld(outcome.holdId, outcome.reasons, current ? directoryRowToIdentity(current) : null);
  }

  /** The read model has caught up (its table exists and shows earlier writes) and the external-id table exists. */
  private async ready(): Promise<void> {
    this.schema ??= this.deps.pool.query(CREATE_SCIM_EXTERNAL_IDS).catch((error: unknown) => {
      this.schema = undefined;
      throw error;
    });
    await Promise.all([this.schema, this.deps.readModel.directoryCaughtUp()]);
  }

  /**
   * Checked against the event store, not the read model: a stream exists as soon as it is written.
   * Two creates of one number racing past this check end as a create and an update (the stream's
   * own revision check orders them), never as two identities.
   */
  private async refuseExistingEmployeeNumber(employeeNumber: string): Promise<void> {
    const events = await this.deps.store.readStream(identityStreamId(employeeNumber), { maxCount: 1 });
    if (events.length > 0) {
      throw new DomainError('conflict', `employee number ${employeeNumber} already belongs to another identity (userName must be unique)`, {
        reason: 'uniqueness',
        attribute: 'userName',
        employeeNumber,
      });
    }
  }

  /** Compares with the stream's current revision, which the read model may not show yet. */
  private async assertVersion(employeeNumber: string, id: string, expectedVersion: string | undefined): Promise<void> {
    if (expectedVersion === undefined) return;
    const events = await this.deps.store.readStream(identityStreamId(employeeNumber));
    const current = events.at(-1)?.revision.toString();
    if (current !== expectedVersion) {
      throw new DomainError('conflict', `identity ${id} is at version ${current ?? 'none'}, not the expected ${expectedVersion}`, {
        reason: 'version_mismatch',
        identityId: id,
        expectedVersion,
        currentVersion: current ?? null,
      });
    }
  }

  private async existing(id: string): Promise<DirectoryRowWithExternalId> {
    const row = await this.rowById(id);
    if (!row) throw new DomainError('not_found', `identity ${id} does not exist`, { identityId: id });
    return row;
  }

  private async rowById(id: string): Promise<DirectoryRowWithExternalId | undefined> {
    const { rows } = await this.deps.pool.query<DirectoryRowWithExternalId>(
      `SELECT ${DIRECTORY_COLUMNS} FROM ${DIRECTORY_FROM} WHERE d.identity_id = $1`,
      [id],
    );
    return rows[0];
  }

  private async rowByEmployeeNumber(employeeNumber: string): Promise<DirectoryRowWithExternalId> {
    const { rows } = await this.deps.pool.query<DirectoryRowWithExternalId>(
      `SELECT ${DIRECTORY_COLUMNS} FROM ${DIRECTORY_FROM} WHERE d.employee_number = $1`,
      [employeeNumber],
    );
    const [row] = rows;
    // The command succeeded and the read model caught up, so the row is there unless the projection stopped.
    if (!row) throw new Error(`identity directory has no row for employee ${employeeNumber} after its command; is the projection running?`);
    return row;
  }
}

function originOf(source: HrSource): Required<CommandOrigin> {
  return { actor: SCIM_ACTOR, correlationId: source.reference };
}
