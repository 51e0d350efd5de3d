import { ERASED_MARKER, PERSONAL_DATA_ERASED, type PublishedPersonalDataErased } from '@tenure/contracts';
import type { RecordedEvent } from '@tenure/event-sourcing';
import type { Projection } from '@tenure/event-store-postgres';
import type { PoolClient } from 'pg';
import { IDENTITY_STREAM_PREFIX } from '../../application/identity-streams';
import type { IdentityEvent } from '../../domain/identity';
import { destructiveKinds } from './feed-action';
import { FEED_GUARD_STREAM_PREFIX } from './feed-guard.decider';
import type { FeedGuardEvent } from './feed-guard.events';
import { CREATE_FEED_GUARD_TABLES } from './feed-guard.tables';

/** Keeps the guard's read models from the identity streams (what feeds changed) and the guard streams (held bursts). */
export const feedGuardProjection: Projection = {
  name: 'hr-feed-guard',
  filter: { streamPrefixes: [IDENTITY_STREAM_PREFIX, FEED_GUARD_STREAM_PREFIX] },
  async setup(client) {
    await client.query(CREATE_FEED_GUARD_TABLES);
  },
  async reset(client) {
    await client.query('TRUNCATE hr_feed_changes, hr_feed_holds, hr_feed_held_changes');
  },
  async apply(recorded, client) {
    if (recorded.streamId.startsWith(FEED_GUARD_STREAM_PREFIX)) {
      await applyGuardEvent(recorded, client);
    } else if (recorded.type === PERSONAL_DATA_ERASED) {
      // A held change's description quotes a termination's reason; in the event it is sealed under the person's key.
      await client.query('UPDATE hr_feed_held_changes SET description = $2 WHERE employee_number = $1', [
        (recorded.data as PublishedPersonalDataErased['data']).employeeNumber,
        ERASED_MARKER,
      ]);
    } else {
      await recordFeedChange(recorded, client);
    }
  },
};

/**
 * Only what a feed did itself counts: a scheduled termination that the due-date timer carries out
 * later was counted when the feed scheduled it (the actor is then the timer, not the feed).
 */
async function recordFeedChange(recorded: RecordedEvent, client: PoolClient): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as IdentityEvent;
  if (recorded.metadata.actor.kind !== 'hr-feed' || !('source' in event.data)) return;
  const channel = event.data.source.kind;
  if (channel !== 'scim' && channel !== 'webhook') return;
  const employeeNumber = recorded.streamId.slice(IDENTITY_STREAM_PREFIX.length);
  // One row per kind: the key is the event id with the kind.
  for (const kind of destructiveKinds([event])) {
    await client.query(
      `INSERT INTO hr_feed_changes (event_id, channel, kind, employee_number, occurred_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (event_id) DO NOTHING`,
      [`${recorded.metadata.eventId}:${kind}`, channel, kind, employeeNumber, recorded.metadata.occurredAt],
    );
  }
}

async function applyGuardEvent(recorded: RecordedEvent, client: PoolClient): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as FeedGuardEvent;
  switch (event.type) {
    case 'HrFeedBurstHeld': {
      const { holdId, channel, reasons, measures, population, windowStart, heldAt } = event.data;
      await client.query(
        `INSERT INTO hr_feed_holds (hold_id, channel, status, reasons, measures, population, window_start, held_at)
         VALUES ($1, $2, 'held', $3, $4, $5, $6, $7) ON CONFLICT (hold_id) DO NOTHING`,
        [holdId, channel, JSON.stringify(reasons), JSON.stringify(measures), population, windowStart, heldAt],
      );
      return;
    }
    case 'HrFeedChangeHeld': {
      const { holdId, change, kinds, description, receivedAt } = event.data;
      const inserted = await client.query(
        `INSERT INTO hr_feed_held_changes (event_id, hold_id, employee_number, kinds, description, correlation_id, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_id) DO NOTHING`,
        [
          recorded.metadata.eventId,
          holdId,
          change.employeeNumber,
          JSON.stringify(kinds),
          description,
          change.origin.correlationId,
          receivedAt,
        ],
      );
      if (inserted.rowCount) await client.query('UPDATE hr_feed_holds SET change_count = change_count + 1 WHERE hold_id = $1', [holdId]);
      return;
    }
    case 'HrFeedBurstConfirmed':
      await client.query(`UPDATE hr_feed_holds SET status = 'confirmed', decided_by = $2, decided_at = $3 WHERE hold_id = $1`, [
        event.data.holdId,
        event.data.by,
        event.data.confirmedAt,
      ]);
      return;
    case 'HrFeedBurstDiscarded':
      await client.query(
        `UPDATE hr_feed_holds SET status = 'discarded', decided_by = $2, decided_at = $3, discard_reason = $4, completed_at = $3
         WHERE hold_id = $1`,
        [event.data.holdId, event.data.by, event.data.discardedAt, event.data.reason],
      );
      return;
    case 'HrFeedBurstApplied':
      await client.query(`UPDATE hr_feed_holds SET status = 'applied', applied = $2, failures = $3, completed_at = $4 WHERE hold_id = $1`, [
        event.data.holdId,
        event.data.applied,
        JSON.stringify(event.data.failures),
        event.data.completedAt,
      ]);
      return;
    default: {
      const unexpected: never = event;
      throw new Error(`unexpected HR feed guard event ${JSON.stringify(unexpected)}`);
    }
  }
}
