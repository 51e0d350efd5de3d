import { DomainError, type Clock } from '@tenure/event-sourcing';
import {
  birthrightFor,
  checkSod,
  compilePolicy,
  evaluateRequest,
  simulateDraft,
  type BirthrightDecision,
  type CompiledPolicy,
  type EntitlementRef,
  type HeldEntitlement,
  type PeerAdoption,
  type PolicySubject,
  type PolicyVersion,
  type RequestDecision,
  type SimulationResult,
  type SodCheck,
} from '@tenure/policy-decisions';
import type { Pool } from 'pg';
import { loadPolicySetState } from '../read-model/policy-draft/policy-draft.queries';
import { findPeers, findSubject, loadAllSubjects } from '../read-model/policy-identities/policy-subjects';
import {
  findPolicyVersion,
  latestPolicyVersion,
  listPolicyVersions,
  type PolicyVersionSummary,
} from '../read-model/policy-versions/policy-versions.queries';
import {
  activeSodExceptions,
  listSodExceptions,
  type SodExceptionFilter,
  type SodExceptionWithStatus,
} from '../read-model/sod-exceptions/sod-exceptions.queries';
import {
  identitiesInViolation,
  listSodViolations,
  sodViolationCounts,
  type DetectedViolation,
  type SodViolationFilter,
} from '../read-model/sod-violations/sod-violations.queries';
import { heldByOne, type HeldEntitlements } from './held-entitlements';
import type { LatestPolicy } from './latest-policy';
import { draftViewOf, type PolicyDraftView } from './policy-draft-view';

export type { DetectedViolation } from '../read-model/sod-violations/sod-violations.queries';

export interface PolicyQueriesDependencies {
  readonly pool: Pool;
  readonly clock: Clock;
  readonly latest: LatestPolicy;
  readonly held: HeldEntitlements;
  /** Waits until the read models have applied everything committed so far. */
  readonly readModelsCaughtUp: () => Promise<void>;
  /** Waits until detective SoD has checked everything committed so far and its violations are in the read model. */
  readonly violationsCaughtUp: () => Promise<void>;
}

export interface RequestEvaluation {
  readonly identityId: string;
  readonly requesterEmployeeNumber: string;
  readonly entitlement: EntitlementRef;
  readonly durationHours: number | null;
  readonly breakGlass: boolean;
}

/**
 * The questions policy answers, over its read models and the latest published version (compiled
 * once per version). Answers wait for the read models to apply what was committed before the
question (an administrator who just published sees the new version). Decisions take what identities hold from the `HeldEntitlements` port: today
 * their birthright under the latest version (see held-entitlements.ts).
 */
export class PolicyQueries {
  constructor(private readonly deps: PolicyQueriesDependencies) {}

  /** For authorization checks that read policy's copy of the directory. */
  get pool(): Pool {
    return this.deps.pool;
  }

  async draft(): Promise<PolicyDraftView> {
    await this.deps.readModelsCaughtUp();
    return draftViewOf(await loadPolicySetState(this.deps.pool));
  }

  async latestVersion(): Promise<PolicyVersion | null> {
    await this.deps.readModelsCaughtUp();
    return latestPolicyVersion(this.deps.pool);
  }

  async version(version: number): Promise<PolicyVersion | null> {
    await this.deps.readModelsCaughtUp();
    return findPolicyVersion(this.deps.pool, version);
  }

  /** Newest first. */
  async versions(): Promise<readonly PolicyVersionSummary[]> {
    await this.deps.readModelsCaughtUp();
    return listPolicyVersions(this.deps.pool);
  }

  async subject(identityId: string): Promise<PolicySubject | null> {
    await this.deps.readModelsCaughtUp();
    return findSubject(this.deps.pool, { identityId });
  }

  async subjectByEmployeeNumber(employeeNumber: string): Promise<PolicySubject | null> {
    await this.deps.readModelsCaughtUp();
    return findSubject(this.deps.pool, { employeeNumber });
  }

  /** Null when no version is published yet or the identity is unknown. */
  async birthright(identityId: string): Promise<BirthrightDecision | null> {
    await this.deps.readModelsCaughtUp();
    const [latest, subject] = await Promise.all([this.deps.latest.compiled(), findSubject(this.deps.pool, { identityId })]);
    return latest && subject ? birthrightFor(latest, subject) : null;
  }

  /** The identity's held entitlements checked against the latest version's SoD rules; null as for `birthright`. */
  async sodCheck(identityId: string): Promise<SodCheck | null> {
    await this.deps.readModelsCaughtUp();
    const [latest, subject] = await Promise.all([this.deps.latest.compiled(), findSubject(this.deps.pool, { identityId })]);
    if (!latest || !subject) return null;
    const now = this.deps.clock.now();
    const [held, exceptions] = await Promise.all([heldByOne(this.deps.held, subject, latest), this.exceptionsOf(subject, now)]);
    return checkSod(latest, subject, held, exceptions, now.toISOString());
  }

  /**
   * A hypothetical request, as the portal asks before submitting. Peer adoption (for auto-approval)
   * is computed only when the applicable policy asks for a peer share: over the peer group it names,
   * from the same held entitlements as everything else.
   */
  async evaluateRequest(input: RequestEvaluation): Promise<RequestDecision> {
    await this.deps.readModelsCaughtUp();
    const [latest, subject] = await Promise.all([
      this.deps.latest.compiled(),
      findSubject(this.deps.pool, { identityId: input.identityId }),
    ]);
    if (!subject) throw new DomainError('not_found', `identity ${input.identityId} is not known`, { field: 'identityId' });
    if (!latest) throw new DomainError('not_found', 'no policy is published yet: nothing can be requested');
    const now = this.deps.clock.now();
    const [held, exceptions] = await Promise.all([heldByOne(this.deps.held, subject, latest), this.exceptionsOf(subject, now)]);
    const request = {
      subject,
      requesterEmployeeNumber: input.requesterEmployeeNumber,
      entitlement: input.entitlement,
      durationHours: input.durationHours,
      breakGlass: input.breakGlass,
      held,
      exceptions,
      now: now.toISOString(),
    };
    const first = evaluateRequest(latest, { ...request, peers: null });
    const peers = await this.peerAdoption(latest, subject, first.policyId, input.entitlement);
    return peers ? evaluateRequest(latest, { ...request, peers }) : first;
  }

  /** What publishing the draft would change, over every identity that has not left. */
  async simulateDraft(): Promise<SimulationResult> {
    await this.deps.readModelsCaughtUp();
    const [state, current, subjects] = await Promise.all([
      loadPolicySetState(this.deps.pool),
      this.deps.latest.compiled(),
      loadAllSubjects(this.deps.pool, { includeTerminated: false }),
    ]);
    const now = this.deps.clock.now();
    const [held, exceptions] = await Promise.all([
      current ? this.deps.held.heldBy(subjects, current) : new Map<string, readonly HeldEntitlement[]>(),
      activeSodExceptions(this.deps.pool, null, now),
    ]);
    // The draft compiled as the version it would become.
    const draft = compilePolicy({
      version: (state.latest?.version ?? 0) + 1,
      publishedAt: now.toISOString(),
      publishedBy: state.lastEdit?.by ?? 'draft',
      note: 'draft',
      policy: state.draft,
    });
    return simulateDraft({
      current,
      draft,
      subjects,
      heldOf: (identityId) => held.get(identityId) ?? [],
      exceptionsOf: (identityId) => exceptions.get(identityId) ?? [],
      now: now.toISOString(),
    });
  }

  async exceptions(filter: SodExceptionFilter): Promise<readonly SodExceptionWithStatus[]> {
    await this.deps.readModelsCaughtUp();
    return listSodExceptions(this.deps.pool, filter, this.deps.clock.now());
  }

  /** The current violations detective SoD found (unwaived), after it has looked at everything committed so far. */
  async violations(filter: SodViolationFilter): Promise<readonly DetectedViolation[]> {
    await this.deps.violationsCaughtUp();
    return listSodViolations(this.deps.pool, filter);
  }

  /** The open violations counted by rule (the compliance report), after detective SoD looked at everything committed so far. */
  async violationCounts(): Promise<{ identities: number; byRule: Awaited<ReturnType<typeof sodViolationCounts>> }> {
    await this.deps.violationsCaughtUp();
    const [identities, byRule] = await Promise.all([identitiesInViolation(this.deps.pool), sodViolationCounts(this.deps.pool)]);
    return { identities, byRule };
  }

  private async exceptionsOf(subject: PolicySubject, now: Date) {
    return (await activeSodExceptions(this.deps.pool, [subject.identityId], now)).get(subject.identityId) ?? [];
  }

  private async peerAdoption(
    latest: CompiledPolicy,
    subject: PolicySubject,
    policyId: string | null,
    entitlement: EntitlementRef,
  ): Promise<PeerAdoption | null> {
    const autoApproval = latest.policy.accessPolicies.find((policy) => policy.id === policyId)?.autoApproval;
    if (!autoApproval || autoApproval.minPeerShare <= 0) return null;
    const peers = await findPeers(this.deps.pool, subject, autoApproval.peerGroup);
    const held = await this.deps.held.heldBy(peers, latest);
    const holding = peers.filter((peer) =>
      (held.get(peer.identityId) ?? []).some(
        (one) => one.entitlement.application === entitlement.application && one.entitlement.entitlement === entitlement.entitlement,
      ),
    ).length;
    return { peerGroup: autoApproval.peerGroup, peers: peers.length, holding };
  }
}
