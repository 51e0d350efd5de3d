import { commandHandler, type Actor, type Clock, type EventStore, type IdGenerator } from '@tenure/event-sourcing';
import { checkSod, type PolicySubject } from '@tenure/policy-decisions';
import type { Pool } from 'pg';
import { sodViolationsDecider } from '../domain/sod-violations';
import { findReports, findSubjects, loadAllSubjects } from '../read-model/policy-identities/policy-subjects';
import { activeSodExceptions, findSodException } from '../read-model/sod-exceptions/sod-exceptions.queries';
import { identitiesWithViolations } from '../read-model/sod-violations/sod-violations.queries';
import type { AffectedIdentities } from './detective-sod-scope';
import type { HeldEntitlements } from './held-entitlements';
import type { LatestPolicy } from './latest-policy';
import { sodViolationsStreamId } from './policy-streams';

export const DETECTIVE_SOD_ACTOR: Actor = { kind: 'service', id: 'policy-detective-sod' };

/** Above this many identities a pass reads everyone at once (one query, chains in memory) rather than walking each one's chain in SQL. */
const ONE_BY_ONE_LIMIT = 5_000;

export type RecheckScope = { readonly everyone: true } | { readonly identityIds: readonly string[] };

export interface RecheckOutcome {
  readonly checked: number;
  /** Detected and resolved events recorded. */
  readonly recorded: number;
}

export interface DetectiveSodDependencies {
  readonly store: EventStore;
  readonly pool: Pool;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly latest: LatestPolicy;
  readonly held: HeldEntitlements;
  /** Waits until the read models have applied everything committed so far. */
  readonly readModelsCaughtUp: () => Promise<void>;
}

/**
 * Detective SoD: checks identities' held entitlements against the latest published version and
 * records, per identity, the violations that appeared and those that went away (the
 * `sod-violations-<identityId>` decider records only differences, so checking twice records nothing
 * twice). Passes run one at a time in this process; across instances the streams' expected
 * revisions keep them apart.
 */
export class DetectiveSod {
  private readonly handle;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: DetectiveSodDependencies) {
    this.handle = commandHandler(deps.store, sodViolationsDecider, { ids: deps.ids });
  }

  /** Checks again whoever these events affect. */
  async recheckAffected(affected: AffectedIdentities, correlationId: string): Promise<RecheckOutcome> {
    if (affected.everyone) return this.recheck({ everyone: true }, correlationId);
    await this.deps.readModelsCaughtUp();
    const identityIds = new Set(affected.identityIds);
    if (affected.hierarchyChangedAt.size > 0) {
      for (const id of await findReports(this.deps.pool, [...affected.hierarchyChangedAt])) identityIds.add(id);
    }
    for (const exceptionId of affected.revokedExceptions) {
      const exception = await findSodException(this.deps.pool, exceptionId);
      if (exception) identityIds.add(exception.identityId);
    }
    return this.recheck({ identityIds: [...identityIds] }, correlationId);
  }

  /** Checks these identities (or everyone) now. */
  recheck(scope: RecheckScope, correlationId: string): Promise<RecheckOutcome> {
    const pass = this.queue.then(
      () => this.pass(scope, correlationId),
      () => this.pass(scope, correlationId),
    );
    this.queue = pass.catch(() => undefined);
    return pass;
  }

  private async pass(scope: RecheckScope, correlationId: string): Promise<RecheckOutcome> {
    const { pool, clock } = this.deps;
    // What the read models say must include everything before the events that asked for this pass,
    // and this detective's own earlier detections (the pre-filter below reads them).
    await this.deps.readModelsCaughtUp();
    const latest = await this.deps.latest.compiled();
    if (!latest) return { checked: 0, recorded: 0 }; // nothing published: nothing can be violated
    const identityIds = 'everyone' in scope ? null : [...new Set(scope.identityIds)];
    if (identityIds?.length === 0) return { checked: 0, recorded: 0 };
    const subjects = await this.subjects(identityIds);
    const now = clock.now();
    const [held, exceptions, withViolations] = await Promise.all([
      this.deps.held.heldBy(subjects, latest),
      activeSodExceptions(pool, identityIds, now),
      identitiesWithViolations(pool, identityIds),
    ]);
    const ruleIds = latest.policy.sodRules.map((rule) => rule.id);
    let recorded = 0;
    for (const subject of subjects) {
      const { violations } = checkSod(
        latest,
        subject,
        held.get(subject.identityId) ?? [],
        exceptions.get(subject.identityId) ?? [],
        now.toISOString(),
      );
      // Only someone with an unwaived violation, or with one on record, can need an event.
      if (!violations.some((violation) => violation.exception === null) && !withViolations.has(subject.identityId)) continue;
      const commandId = this.deps.ids.newId();
      const result = await this.handle(
        sodViolationsStreamId(subject.identityId),
        {
          type: 'RecordSodCheck',
          data: {
            identityId: subject.identityId,
            employeeNumber: subject.employeeNumber,
            policyVersion: latest.version,
            violations,
            ruleIds,
          },
        },
        { commandId, correlationId, actor: DETECTIVE_SOD_ACTOR, now },
      );
      recorded += result.events.length;
    }
    return { checked: subjects.length, recorded };
  }

  private async subjects(identityIds: readonly string[] | null): Promise<PolicySubject[]> {
    if (identityIds !== null && identityIds.length <= ONE_BY_ONE_LIMIT) return findSubjects(this.deps.pool, identityIds);
    const everyone = await loadAllSubjects(this.deps.pool, { includeTerminated: true });
    if (identityIds === null) return everyone;
    const wanted = new Set(identityIds);
    return everyone.filter((subject) => wanted.has(subject.identityId));
  }
}
