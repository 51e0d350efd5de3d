import type { Actor, Clock, EventStore, IdGenerator, RecordedEvent } from '@tenure/event-sourcing';
import type { Logger } from '@tenure/platform';
import type { CompiledPolicy, PolicySubject } from '@tenure/policy-decisions';
import type { Pool } from 'pg';
import type { SodBlock } from '../domain/assignments';
import { assignableBirthright, decideBirthright, type BirthrightInput } from '../domain/birthright';
import { findReports, findSubjects, identityIdsWithStatus } from '../read-model/workflow-identities/workflow-subjects';
import { AssignmentsWriter } from './assignments-writer';
import type { BirthrightScope, IdentityWork } from './birthright-scope';
import type { LatestPolicy } from './latest-policy';
import { birthrightSodBlocks } from './sod/birthright-sod';
import type { SodGate } from './sod/sod-gate';

export const BIRTHRIGHT_ACTOR: Actor = { kind: 'service', id: 'workflow-birthright' };

/** Identities looked up and decided per round trip to the directory copy. */
const CHUNK = 200;

export interface BirthrightPassOutcome {
  readonly identities: number;
  /** Assignment events recorded (additions, revocations, termination and rehire marks). */
  readonly recorded: number;
}

export interface BirthrightAssignerDependencies {
  readonly store: EventStore;
  readonly pool: Pool;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly latest: LatestPolicy;
  /** Preventive SoD for birthright additions: a blocked one is raised to administrators instead of assigned. */
  readonly sodGate: SodGate;
  readonly logger: Logger;
  /** Waits until the read models (the directory copy, the policy versions) have applied everything committed so far. */
  readonly readModelsCaughtUp: () => Promise<void>;
}

/**
 * Joiner, mover and leaver for birthright: takes what a batch of events asks (birthright-scope.ts),
 * reads the facts (the identity as workflow knows it now, its birthright under the latest valid
 * version, its assignments) and lets the process manager decide; each identity's commands are
 * appended at once (AssignmentsWriter).
 */
export class BirthrightAssigner {
  private readonly writer: AssignmentsWriter;

  constructor(private readonly deps: BirthrightAssignerDependencies) {
    this.writer = new AssignmentsWriter(deps.store, deps.ids);
  }

  async run(scope: BirthrightScope): Promise<BirthrightPassOutcome> {
    // The directory copy must include at least the events being answered.
    await this.deps.readModelsCaughtUp();
    const work = await this.widen(scope);
    const policy = await this.deps.latest.compiled();
    let recorded = 0;
    const identityIds = [...work.keys()];
    for (let start = 0; start < identityIds.length; start += CHUNK) {
      const chunk = identityIds.slice(start, start + CHUNK);
      const subjects = new Map((await findSubjects(this.deps.pool, chunk)).map((subject) => [subject.identityId, subject]));
      for (const identityId of chunk) {
        recorded += await this.runFor(identityId, work.get(identityId)!, subjects.get(identityId) ?? null, policy);
      }
    }
    return { identities: work.size, recorded };
  }

  /** Adds the identities the batch affects without naming them: reports below a hierarchy change, everyone active or on leave on a publication. */
  private async widen(scope: BirthrightScope): Promise<Map<string, IdentityWork>> {
    // Copies: a retried pass starts again from the batch's own scope.
    const work = new Map([...scope.identities].map(([identityId, named]) => [identityId, { ...named }]));
    const reevaluate = (identityId: string, cause: RecordedEvent) => {
      const known = work.get(identityId);
      if (!known) work.set(identityId, { lifecycle: [], reevaluationCause: cause });
      else known.reevaluationCause ??= cause;
    };
    for (const [employeeNumber, cause] of scope.hierarchyChangedAt) {
      for (const identityId of await findReports(this.deps.pool, [employeeNumber])) reevaluate(identityId, cause);
    }
    if (scope.publication) {
      const holdingAccess = await identityIdsWithStatus(this.deps.pool, ['active', 'on-leave']);
      for (const identityId of holdingAccess) reevaluate(identityId, scope.publication);
    }
    return work;
  }

  private async runFor(
    identityId: string,
    work: IdentityWork,
    subject: PolicySubject | null,
    policy: CompiledPolicy | null,
  ): Promise<number> {
    const steps: { input: BirthrightInput; cause: RecordedEvent }[] = [...work.lifecycle];
    if (work.reevaluationCause) steps.push({ input: { type: 'ReevaluateBirthright' }, cause: work.reevaluationCause });
    const birthright = subject && policy ? assignableBirthright(policy, subject) : null;
    let recorded = 0;
    for (const { input, cause } of steps) {
      const now = this.deps.clock.now();
      const sodBlocks: ReadonlyMap<string, readonly SodBlock[]> =
        input.type === 'ReevaluateBirthright' && subject && birthright
          ? await birthrightSodBlocks(this.deps.store, this.deps.sodGate, subject, birthright)
          : new Map();
      const { outcome, events } = await this.writer.write(
        identityId,
        (assignments) =>
          decideBirthright(input, {
            identityId,
            status: subject?.status ?? null,
            birthright,
            assignments,
            now,
            ids: this.deps.ids,
            sodBlocks,
          }),
        { causationId: cause.metadata.eventId, correlationId: cause.metadata.correlationId, actor: BIRTHRIGHT_ACTOR, now },
      );
      if (outcome.kind === 'ignored') {
        this.deps.logger.debug({ identityId, input: input.type, cause: cause.type, reason: outcome.reason }, 'birthright: nothing to do');
      } else if (events.length > 0) {
        this.deps.logger.info(
          { identityId, input: input.type, cause: cause.type, events: events.map((event) => event.type) },
          'birthright: assignments changed',
        );
      }
      recorded += events.length;
    }
    return recorded;
  }
}
