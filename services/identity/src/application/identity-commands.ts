import {
  commandHandler,
  DomainError,
  type Actor,
  type Clock,
  type CommandResult,
  type EventStore,
  type IdGenerator,
} from '@tenure/event-sourcing';
import type { Pool } from 'pg';
import type { HrRecord, HrSource } from '../domain/hr-record';
import { identityDecider, type ChangeAttributes, type IdentityCommand, type IdentityEvent, type IdentityState } from '../domain/identity';
import { managerChain } from '../read-model/manager-chain';
import { identityStreamId } from './identity-streams';

export interface IdentityCommandsDependencies {
  readonly store: EventStore;
  /** The read model's database, for the checks that span identities. */
  readonly pool: Pool;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /**
   * Waits until the directory read model has applied everything committed so far. The checks that
   * span identities read the directory, so they run on an up-to-date one (and never before the
   * directory's table exists, right after a start).
   */
  readonly directoryCaughtUp?: () => Promise<void>;
}

export interface CommandOrigin {
  readonly actor: Actor;
  /** Default: the request's (see `CommandContext.correlationId`). */
  readonly correlationId?: string;
}

export type IdentityCommandResult = CommandResult<IdentityEvent, IdentityState>;

/**
 * The identity service's application layer: every HR input and administrator action ends here.
 * Per-identity rules live in the decider; the ones that span identities (manager cycles) are
 * checked against the directory read model first.
 */
export class IdentityCommands {
  private readonly handle;

  constructor(private readonly deps: IdentityCommandsDependencies) {
    this.handle = commandHandler(deps.store, identityDecider, { ids: deps.ids });
  }

  /**
   * The single entry for HR inputs: the whole record as HR has it now. `managerCycleRuledOut` is for
   * callers that already proved, for a whole batch at once, that this record's manager cannot close a
   * cycle (the HR import, see hr-imports/application/cycle-free-changes.ts): the per-record
   * manager-chain query and its wait for the directory were most of an import's time per record.
   */
  async syncFromHr(
    record: HrRecord,
    source: HrSource,
    origin: CommandOrigin,
    options: { readonly managerCycleRuledOut?: boolean } = {},
  ): Promise<IdentityCommandResult> {
    if (!options.managerCycleRuledOut) await this.refuseManagerCycle(record.employeeNumber, record.attributes.managerEmployeeNumber);
    const now = this.deps.clock.now();
    return this.execute(
      record.employeeNumber,
      { type: 'SyncFromHr', data: { identityId: this.deps.ids.newId(), record, now, source } },
      origin,
    );
  }

  /** Some attributes, now or on a date; a new manager is checked for cycles first, as for `syncFromHr`. */
  async changeAttributes(
    employeeNumber: string,
    data: Omit<ChangeAttributes['data'], 'now'>,
    origin: CommandOrigin,
  ): Promise<IdentityCommandResult> {
    if (data.changes.managerEmployeeNumber !== undefined) await this.refuseManagerCycle(employeeNumber, data.changes.managerEmployeeNumber);
    return this.execute(employeeNumber, { type: 'ChangeAttributes', data: { ...data, now: this.deps.clock.now() } }, origin);
  }

  /** The due-date timer's work; idempotent (nothing due decides nothing). */
  async applyDueChanges(employeeNumber: string, origin: CommandOrigin): Promise<IdentityCommandResult> {
    return this.execute(employeeNumber, { type: 'ApplyDueChanges', data: { now: this.deps.clock.now() } }, origin);
  }

  /** Records the erasure of a former employee's personal data (see PersonalDataErasure, which also destroys the key). */
  async erasePersonalData(employeeNumber: string, legalReference: string, origin: CommandOrigin): Promise<IdentityCommandResult> {
    const erasedBy = `${origin.actor.kind}:${origin.actor.id}`;
    return this.execute(
      employeeNumber,
      { type: 'ErasePersonalData', data: { legalReference, erasedBy, now: this.deps.clock.now() } },
      origin,
    );
  }

  /**
   * The events `command` would record now, without recording them: how an input learns what a change
   * would mean (a move, a termination) in the domain's own terms before deciding to let it through.
   * A refusal throws exactly as `execute` would.
   */
  async preview(employeeNumber: string, command: IdentityCommand): Promise<readonly IdentityEvent[]> {
    const recorded = await this.deps.store.readStream(identityStreamId(employeeNumber));
    const state = recorded.reduce(
      (folded, event) => identityDecider.evolve(folded, { type: event.type, data: event.data } as IdentityEvent),
      identityDecider.initialState(),
    );
    return identityDecider.decide(command, state);
  }

  async execute(employeeNumber: string, command: IdentityCommand, origin: CommandOrigin): Promise<IdentityCommandResult> {
    return this.handle(identityStreamId(employeeNumber), command, {
      commandId: this.deps.ids.newId(),
      correlationId: origin.correlationId,
      actor: origin.actor,
      now: this.deps.clock.now(),
    });
  }

  private async refuseManagerCycle(employeeNumber: string, managerEmployeeNumber: string | null): Promise<void> {
    if (managerEmployeeNumber === null || managerEmployeeNumber === employeeNumber) return; // self-management: the decider's error
    await this.deps.directoryCaughtUp?.();
    const { chain, cycle } = await managerChain(this.deps.pool, employeeNumber, managerEmployeeNumber);
    if (cycle) {
      throw new DomainError(
        'validation',
        `employee ${employeeNumber}: manager ${managerEmployeeNumber} would close a management cycle (${[employeeNumber, ...chain].join(' → ')})`,
        { employeeNumber, field: 'managerEmployeeNumber', chain },
      );
    }
  }
}
