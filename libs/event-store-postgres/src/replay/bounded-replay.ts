import { comparePositions, START, type Position } from '@tenure/event-sourcing';
import { PersonalDataVault } from '@tenure/personal-data';
import type { Pool } from 'pg';
import { EVENT_COLUMNS, globalLogCondition, positionParams, toRecordedEvent, type EventRow } from '../event-rows';
import { applyBatch } from '../projections/projection-runner';
import type { Projection } from '../projections/projection';

/**
 * Applies the projection's events after `from` up to and including `to`, no further. `to` must be a
 * position some runner has already handled (a stored checkpoint): everything at or below it has
 * committed, so a plain read finds it all, with no visibility horizon to wait for.
 */
export async function replayUpTo(
  pool: Pool,
  projection: Projection,
  from: Position,
  to: Position,
  onProgress?: (count: number, position: Position) => void,
  batchSize = 1_000,
): Promise<Position> {
  let position = from;
  const personalData = new PersonalDataVault(pool);
  const condition = globalLogCondition(projection.filter, 6);
  const sql = `SELECT ${EVENT_COLUMNS} FROM tenure_events e
    WHERE ${condition.sql} AND (e.transaction_id, e.global_position) <= ($3::text::xid8, $4::bigint)
    ORDER BY e.transaction_id, e.global_position LIMIT $5`;
  while (comparePositions(position, to) < 0) {
    const { rows } = await pool.query<EventRow>(sql, [...positionParams(position), ...positionParams(to), batchSize, ...condition.params]);
    if (rows.length === 0) break;
    // Revealed (or erased) exactly as the live runner saw them through the log follower.
    const events = await personalData.reveal(rows.map(toRecordedEvent));
    await applyBatch(pool, projection, events, onProgress);
    position = events[events.length - 1]!.position;
  }
  return position;
}

export { START };
