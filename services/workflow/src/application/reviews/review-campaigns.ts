import { commandHandler, DomainError, type Actor, type Clock, type EventStore, type IdGenerator } from '@tenure/event-sourcing';
import { isAdministrator, type Caller } from '@tenure/service-runtime';
import type { Pool } from 'pg';
import {
  reviewCampaignDecider,
  reviewItemId,
  type ReviewCampaignCommand,
  type ReviewDecidedBy,
  type ReviewDecision,
  type ReviewDefaultAction,
  type Reviewer,
  type ReviewerRule,
  type ReviewItem,
  type ReviewScope,
} from '../../domain/reviews';
import { findReports } from '../../read-model/workflow-identities/workflow-subjects';
import { heldByIdentities, heldInApplication, type HeldAssignment } from '../../read-model/workflow-reviews/held-in-scope';
import {
  itemsAbout,
  itemsForReviewer,
  itemsOfCampaign,
  reviewCampaignById,
  reviewCampaigns,
  reviewItemById,
  type ReviewCampaignView,
  type ReviewItemStatus,
  type ReviewItemView,
} from '../../read-model/workflow-reviews/workflow-reviews.queries';
import { reviewEvidence, type ReviewEvidenceEntry } from './review-evidence';
import { reviewersFor } from './review-reviewers';
import type { ReviewSettings } from './review-settings';
import { reviewCampaignStreamId } from './review-streams';
import { requireOversight } from '../oversight';

const DAY_MS = 86_400_000;
/** Campaigns an administrator starts without a deadline run two weeks. */
const DEFAULT_CAMPAIGN_DAYS = 14;

/** The scopes an administrator starts a campaign over (mover and break-glass campaigns are opened by their processes). */
export type AdministeredScope = Extract<ReviewScope, { kind: 'application' | 'entitlement' | 'manager' }>;

export interface StartCampaignInput {
  readonly name: string;
  readonly scope: AdministeredScope;
  readonly reviewer: ReviewerRule;
  readonly deadline?: Date | null;
  readonly defaultAction?: ReviewDefaultAction | null;
  readonly reminderHours?: number | null;
}

export interface DecideItemInput {
  readonly itemId: string;
  /** Optional: saves a look-up; the item id alone is enough. */
  readonly campaignId?: string | null;
  readonly decision: ReviewDecision;
  readonly comment?: string | null;
}

export interface BulkDecisionResult {
  readonly itemId: string;
  readonly decided: boolean;
  /** The refusal when not decided (code and message of the domain error). */
  readonly error: { readonly code: string; readonly message: string } | null;
}

/** A campaign a process opens (mover, break-glass): its id comes from its cause, so opening it twice records it once. */
export interface ProcessCampaign {
  readonly campaignId: string;
  readonly name: string;
  readonly scope: ReviewScope;
  readonly reviewerRule: ReviewerRule;
  readonly held: readonly HeldAssignment[];
  readonly deadline: Date;
  readonly defaultAction: ReviewDefaultAction;
  /** Items without a fitting reviewer go to the subject's manager before the administrators (default true). */
  readonly managerFallback?: boolean;
  readonly cause: { readonly eventId: string; readonly correlationId: string };
  readonly actor: Actor;
}

export interface ReviewCampaignsDependencies {
  readonly store: EventStore;
  readonly pool: Pool;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly settings: ReviewSettings;
  /** Waits until the read models show everything committed so far (a mutation returns what it did). */
  readonly readModelsCaughtUp: () => Promise<void>;
}

/**
 * Access review campaigns: administrators start them over an application, an entitlement or a
 * manager's organisation; reviewers decide their items; everyone reads progress and evidence.
 */
export class ReviewCampaigns {
  private readonly handle;

  constructor(private readonly deps: ReviewCampaignsDependencies) {
    this.handle = commandHandler(deps.store, reviewCampaignDecider, { ids: deps.ids });
  }

  /** Starts a campaign over what the scope holds now; refuses an empty one. Administrators only. */
  async start(caller: Caller, input: StartCampaignInput): Promise<ReviewCampaignView> {
    if (!isAdministrator(caller)) throw new DomainError('forbidden', 'only administrators start review campaigns');
    const now = this.deps.clock.now();
    const deadline = input.deadline ?? new Date(now.getTime() + DEFAULT_CAMPAIGN_DAYS * DAY_MS);
    const held = await this.heldIn(input.scope);
    const campaignId = this.deps.ids.newId();
    await this.run(
      campaignId,
      {
        type: 'StartReviewCampaign',
        data: {
          campaignId,
          name: input.name.trim(),
          scope: input.scope,
          reviewerRule: input.reviewer,
          startedBy: caller.actor.id,
          startedAt: now.toISOString(),
          deadline: deadline.toISOString(),
          defaultAction: input.defaultAction ?? 'revoke',
          reminderIntervalHours: input.reminderHours ?? this.deps.settings.reminderHours,
          items: await this.itemsFor(campaignId, input.reviewer, held),
        },
      },
      caller.actor,
      now,
    );
    return this.campaignAfterWrite(campaignId);
  }

  /** For the mover and break-glass processes: opens the campaign unless it exists (nothing held: nothing opened). */
  async open(campaign: ProcessCampaign): Promise<boolean> {
    if (campaign.held.length === 0) return false;
    const now = this.deps.clock.now();
    const { events } = await this.handle(
      reviewCampaignStreamId(campaign.campaignId),
      {
        type: 'StartReviewCampaign',
        data: {
          campaignId: campaign.campaignId,
          name: campaign.name,
          scope: campaign.scope,
          reviewerRule: campaign.reviewerRule,
          startedBy: campaign.actor.id,
          startedAt: now.toISOString(),
          deadline: campaign.deadline.toISOString(),
          defaultAction: campaign.defaultAction,
          reminderIntervalHours: this.deps.settings.reminderHours,
          items: await this.itemsFor(campaign.campaignId, campaign.reviewerRule, campaign.held, campaign.managerFallback ?? true),
        },
      },
      { commandId: campaign.cause.eventId, correlationId: campaign.cause.correlationId, actor: campaign.actor, now },
    );
    return events.length > 0;
  }

  /** For processes (the leaver): one command to one campaign, caused by the event they answer. */
  async apply(campaignId: string, command: ReviewCampaignCommand, cause: ProcessCampaign['cause'], actor: Actor): Promise<number> {
    const { events } = await this.handle(reviewCampaignStreamId(campaignId), command, {
      commandId: cause.eventId,
      correlationId: cause.correlationId,
      actor,
      now: this.deps.clock.now(),
    });
    return events.length;
  }

  async decide(caller: Caller, input: DecideItemInput): Promise<ReviewItemView> {
    const campaignId = input.campaignId ?? (await reviewItemById(this.deps.pool, input.itemId))?.campaignId;
    if (!campaignId) throw new DomainError('not_found', `no review item ${input.itemId}`, { itemId: input.itemId });
    const now = this.deps.clock.now();
    await this.run(
      campaignId,
      {
        type: 'DecideReviewItem',
        data: {
          itemId: input.itemId,
          decision: input.decision,
          comment: input.comment ?? '',
          by: decidedBy(caller),
          decidedAt: now.toISOString(),
        },
      },
      caller.actor,
      now,
    );
    await this.deps.readModelsCaughtUp();
    const item = await reviewItemById(this.deps.pool, input.itemId);
    if (!item) throw new DomainError('not_found', `review item ${input.itemId} is not readable yet`);
    return item;
  }

  /** Each decision on its own: one refused does not stop the others. */
  async decideMany(caller: Caller, inputs: readonly DecideItemInput[]): Promise<BulkDecisionResult[]> {
    const results: BulkDecisionResult[] = [];
    for (const input of inputs) {
      try {
        await this.decide(caller, input);
        results.push({ itemId: input.itemId, decided: true, error: null });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results.push({ itemId: input.itemId, decided: false, error: { code: error.code, message: error.message } });
      }
    }
    return results;
  }

  campaigns(options: { readonly status: 'open' | 'closed' | null; readonly first: number }): Promise<ReviewCampaignView[]> {
    return reviewCampaigns(this.deps.pool, options);
  }

  campaign(campaignId: string): Promise<ReviewCampaignView | null> {
    return reviewCampaignById(this.deps.pool, campaignId);
  }

  items(
    campaignId: string,
    options: { readonly status: ReviewItemStatus | null; readonly first: number | null },
  ): Promise<ReviewItemView[]> {
    return itemsOfCampaign(this.deps.pool, campaignId, options);
  }

  /** Every event of the campaign with who and when: decisions with their comments, reassignments, reminders, the close. */
  evidence(campaignId: string): Promise<ReviewEvidenceEntry[]> {
    return reviewEvidence(this.deps.store, campaignId);
  }

  item(itemId: string): Promise<ReviewItemView | null> {
    return reviewItemById(this.deps.pool, itemId);
  }

  /** What the caller owes: a person's own items; for an administrator, the items owed to the administrators. */
  itemsOwedBy(caller: Caller, status: ReviewItemStatus | null): Promise<ReviewItemView[]> {
    const reviewer: Reviewer =
      caller.kind === 'administrator' ? { kind: 'administrators' } : { kind: 'person', employeeNumber: caller.employeeNumber };
    return itemsForReviewer(this.deps.pool, reviewer, status);
  }

  itemsAbout(identityId: string, status: ReviewItemStatus | null): Promise<ReviewItemView[]> {
    return itemsAbout(this.deps.pool, identityId, status);
  }

  /** The same, for a caller: the person, their managers and administrators (see oversight.ts). */
  async itemsAboutAsCaller(caller: Caller, identityId: string, status: ReviewItemStatus | null): Promise<ReviewItemView[]> {
    await requireOversight(this.deps.pool, caller, identityId, 'review items');
    return this.itemsAbout(identityId, status);
  }

  private async heldIn(scope: AdministeredScope): Promise<HeldAssignment[]> {
    switch (scope.kind) {
      case 'application':
        return heldInApplication(this.deps.pool, scope.applicationId, null);
      case 'entitlement':
        return heldInApplication(this.deps.pool, scope.applicationId, scope.entitlementKey);
      case 'manager':
        return heldByIdentities(this.deps.pool, await findReports(this.deps.pool, [scope.managerEmployeeNumber]));
    }
  }

  private async itemsFor(
    campaignId: string,
    rule: ReviewerRule,
    held: readonly HeldAssignment[],
    managerFallback = true,
  ): Promise<ReviewItem[]> {
    const reviewers = await reviewersFor(this.deps.pool, rule, held, { managerFallback });
    return held.map((assignment) => ({
      itemId: reviewItemId(campaignId, assignment.assignmentId),
      assignmentId: assignment.assignmentId,
      identityId: assignment.identityId,
      employeeNumber: assignment.employeeNumber,
      applicationId: assignment.applicationId,
      entitlementKey: assignment.entitlementKey,
      source: assignment.source,
      reviewer: reviewers.get(assignment.assignmentId)!,
    }));
  }

  private async run(campaignId: string, command: ReviewCampaignCommand, actor: Actor, now: Date): Promise<void> {
    const commandId = this.deps.ids.newId();
    await this.handle(reviewCampaignStreamId(campaignId), command, { commandId, actor, now });
  }

  private async campaignAfterWrite(campaignId: string): Promise<ReviewCampaignView> {
    await this.deps.readModelsCaughtUp();
    const campaign = await reviewCampaignById(this.deps.pool, campaignId);
    if (!campaign) throw new DomainError('not_found', `review campaign ${campaignId} is not readable yet`);
    return campaign;
  }
}

function decidedBy(caller: Caller): ReviewDecidedBy {
  return caller.kind === 'administrator'
    ? { kind: 'administrator', id: caller.actor.id }
    : { kind: 'person', employeeNumber: caller.employeeNumber };
}
