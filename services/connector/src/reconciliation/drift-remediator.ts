import { driftStreamId } from '@tenure/contracts';
import { fold, WrongExpectedRevisionError, type Actor, type EventStore, type IdGenerator } from '@tenure/event-sourcing';
import {
  driftLifecycleDecider,
  type DriftDecision,
  type DriftLifecycleEvent,
  type DriftRemediationRequested,
  type DriftToRemediate,
} from '../domain/reconciliation';
import { requestOperation } from '../provisioning/request-operation';

export interface RemediationContext {
  readonly actor: Actor;
  readonly correlationId: string;
  /** The event or command the decision follows from. */
  readonly causationId: string | null;
  readonly now: Date;
}

const ATTEMPTS = 3;

/**
 * Carries out what was decided about one drift: the operation is requested first (its id comes from
 * the drift and its occurrence, so asking twice is harmless), then the decision is recorded in the
 * drift's stream. A crash between the two leaves the drift open with its operation under way; the
 * next run asks again for the same operation, which records nothing, and records the decision.
 */
export class DriftRemediator {
  constructor(private readonly deps: { readonly store: EventStore; readonly ids: IdGenerator }) {}

  async remediate(drift: DriftToRemediate, decision: DriftDecision, context: RemediationContext): Promise<readonly DriftLifecycleEvent[]> {
    const streamId = driftStreamId(drift.driftId);
    for (let attempt = 1; ; attempt++) {
      const recorded = await this.deps.store.readStream(streamId);
      const state = fold(
        driftLifecycleDecider,
        recorded.map((event) => ({ type: event.type, data: event.data }) as DriftLifecycleEvent),
      );
      const events = driftLifecycleDecider.decide({ type: 'RemediateDrift', data: { drift, decision, now: context.now } }, state);
      if (events.length === 0) return events;
      for (const event of events) if (event.type === 'DriftRemediationRequested') await this.requestOperation(event, context);
      try {
        await this.deps.store.appendToStream(
          streamId,
          events.map((event) => ({
            type: event.type,
            data: event.data,
            metadata: {
              eventId: this.deps.ids.newId(),
              correlationId: context.correlationId,
              causationId: context.causationId,
              actor: context.actor,
              occurredAt: context.now.toISOString(),
            },
          })),
          { expectedRevision: recorded.length === 0 ? 'no_stream' : recorded[recorded.length - 1]!.revision },
        );
        return events;
      } catch (error) {
        // Someone decided at the same moment (a run and an administrator): decide again on what they recorded.
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= ATTEMPTS) throw error;
      }
    }
  }

  private async requestOperation(event: DriftRemediationRequested, context: RemediationContext): Promise<void> {
    const { operationId, action, applicationId, identityId, assignmentId, entitlementKey, priority, driftId, userName } = event.data;
    // Whose account the drift is: the store seals the request's user name under their key, so one erasure reaches it too.
    const employeeNumber = event.data.employeeNumber ?? null;
    await requestOperation(
      this.deps.store,
      {
        operationId,
        action,
        applicationId,
        // An orphaned account has no identity: the operation names the account by its user name.
        identityId: identityId ?? '',
        assignmentId,
        entitlementKey,
        priority,
        cause: { kind: 'drift', reference: driftId },
        requestedAt: event.data.requestedAt,
        userName,
        employeeNumber,
      },
      { actor: context.actor, correlationId: context.correlationId, causationId: context.causationId },
    );
  }
}
