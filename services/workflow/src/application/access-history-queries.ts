import type { Clock } from '@tenure/event-sourcing';
import type { Pool } from 'pg';
import type { KnownRequest } from '../domain/requests';
import {
  accessAt,
  accessRequestsByIds,
  holdersAt,
  requestedAccessBetween,
  type HeldAtTimeView,
  type HeldBasis,
} from '../read-model/workflow-assignment-history';

/** An assignment held at an instant, with the requests that granted and extended it (approvers and their comments). */
export interface HeldWithEvidence {
  readonly held: HeldAtTimeView;
  /** The granting request first (requested and break-glass access), then each extension applied by the instant. */
  readonly requests: readonly KnownRequest[];
}

/** Access as of a time: answered from `workflow_assignment_history`, with the approvals from `workflow_access_requests`. */
export class AccessHistoryQueries {
  constructor(
    private readonly pool: Pool,
    private readonly clock: Clock,
  ) {}

  async holdersAt(applicationId: string, entitlementKey: string, at: Date, basis: HeldBasis): Promise<HeldWithEvidence[]> {
    return this.withEvidence(await holdersAt(this.pool, { applicationId, entitlementKey }, at, basis));
  }

  async accessAt(identityId: string, at: Date, basis: HeldBasis): Promise<HeldWithEvidence[]> {
    return this.withEvidence(await accessAt(this.pool, identityId, at, basis));
  }

  /** Just-in-time grants decided in [from, to), with their requests, as known now. */
  async requestedBetween(from: Date, to: Date): Promise<HeldWithEvidence[]> {
    return this.withEvidence(await requestedAccessBetween(this.pool, from, to, this.clock.now()));
  }

  private async withEvidence(views: readonly HeldAtTimeView[]): Promise<HeldWithEvidence[]> {
    const requestIdsOf = (held: HeldAtTimeView): string[] => [
      ...(isRequested(held) ? [held.source.reference] : []),
      ...held.extensionsAt.map((extension) => extension.requestId),
    ];
    const requests = await accessRequestsByIds(this.pool, views.flatMap(requestIdsOf));
    return views.map((held) => ({
      held,
      requests: requestIdsOf(held).flatMap((requestId) => requests.get(requestId) ?? []),
    }));
  }
}

function isRequested(held: HeldAtTimeView): boolean {
  return held.source.kind === 'request' || held.source.kind === 'break-glass';
}
