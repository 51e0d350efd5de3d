import { DRIFT_STREAM_PREFIX, PUBLISHED_DRIFT_EVENT_TYPES, type PublishedDriftAdopted } from '@tenure/contracts';
import type { Actor, Clock, IdGenerator, RecordedEvent } from '@tenure/event-sourcing';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import { decideDriftAdoption } from '../../domain/provisioning';
import { ignored } from '../../domain/process-outcome';
import type { Queryable } from '../../read-model/queryable';
import { AssignmentsWriter } from '../assignments-writer';
import { WorkflowFollower } from '../workflow-follower';

export const DRIFT_ADOPTION_CHECKPOINT = 'workflow-drift-adoption';

export const DRIFT_ADOPTION_ACTOR: Actor = { kind: 'service', id: 'workflow-drift-adoption' };

export interface DriftAdoptionDependencies {
  readonly store: PostgresEventStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
}

/**
 * Turns each grant the connector adopted (DriftAdopted) into an assignment, so Tenure provisions,
 * reviews and revokes it like any other access; once per adoption id, never for a leaver.
 */
export function startDriftAdoption(deps: DriftAdoptionDependencies): WorkflowFollower {
  const writer = new AssignmentsWriter(deps.store, deps.ids);
  return new WorkflowFollower({
    store: deps.store,
    logger: deps.logger,
    name: 'drift adoption',
    whileStopped: 'adopted grants get no assignment',
    checkpoint: DRIFT_ADOPTION_CHECKPOINT,
    streamPrefixes: [DRIFT_STREAM_PREFIX],
    eventTypes: PUBLISHED_DRIFT_EVENT_TYPES,
    // One identity's events in log order (they meet at its assignments); different identities side by side.
    keyOf: (event) => (event.data as PublishedDriftAdopted['data']).identityId,
    answer: async (recorded: RecordedEvent) => {
      const adoption = { type: recorded.type, data: recorded.data } as PublishedDriftAdopted;
      // The assignments learn of a termination only when the birthright process answers it; the
      // directory copy may know earlier.
      const terminated = await terminatedInDirectory(deps.store.pool, adoption.data.identityId);
      const assignmentId = deps.ids.newId();
      const now = deps.clock.now();
      const result = await writer.write(
        adoption.data.identityId,
        (state) => (terminated ? ignored('terminated in the directory') : decideDriftAdoption(adoption, state, assignmentId)),
        { causationId: recorded.metadata.eventId, correlationId: recorded.metadata.correlationId, actor: DRIFT_ADOPTION_ACTOR, now },
      );
      if (result.outcome.kind === 'ignored') {
        deps.logger.info({ adoptionId: adoption.data.adoptionId, reason: result.outcome.reason }, 'adopted drift: no assignment');
      }
    },
  });
}

async function terminatedInDirectory(db: Queryable, identityId: string): Promise<boolean> {
  const { rows } = await db.query<{ status: string }>('SELECT status FROM workflow_identities WHERE identity_id = $1', [identityId]);
  return rows[0]?.status === 'terminated';
}
