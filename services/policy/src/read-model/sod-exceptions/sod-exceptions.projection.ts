import { cancelTimer, scheduleTimer, type Projection } from '@tenure/event-store-postgres';
import { SOD_EXCEPTION_STREAM_PREFIX } from '../../application/policy-streams';
import type { SodExceptionEvent } from '../../domain/sod-exception';
import { CREATE_SOD_EXCEPTIONS } from './sod-exceptions.table';

/** Timers of this kind carry `{ exceptionId, identityId }` and record the exception's expiry at its validUntil. */
export const SOD_EXCEPTION_EXPIRY_TIMER = 'sod-exception-expiry';

export function sodExceptionExpiryTimerId(exceptionId: string): string {
  return `${SOD_EXCEPTION_EXPIRY_TIMER}:${exceptionId}`;
}

/**
 * Keeps `sod_exceptions` and each exception's expiry timer, in the same transaction: the timer
 * exists exactly while the exception is granted and not revoked.
 */
export const sodExceptionsProjection: Projection = {
  name: 'policy-sod-exceptions',
  filter: { streamPrefixes: [SOD_EXCEPTION_STREAM_PREFIX] },
  async setup(client) {
    await client.query(CREATE_SOD_EXCEPTIONS);
  },
  async reset(client) {
    await client.query('TRUNCATE sod_exceptions');
    await client.query('DELETE FROM tenure_timers WHERE kind = $1', [SOD_EXCEPTION_EXPIRY_TIMER]);
  },
  async apply(recorded, client) {
    const event = { type: recorded.type, data: recorded.data } as SodExceptionEvent;
    switch (event.type) {
      case 'SodExceptionGranted': {
        const { exceptionId, ruleId, identityId, approvedBy, reason, validUntil, grantedAt } = event.data;
        await client.query(
          `INSERT INTO sod_exceptions (exception_id, rule_id, identity_id, approved_by, reason, valid_until, granted_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (exception_id) DO NOTHING`,
          [exceptionId, ruleId, identityId, approvedBy, reason, validUntil, grantedAt],
        );
        await scheduleTimer(client, {
          timerId: sodExceptionExpiryTimerId(exceptionId),
          kind: SOD_EXCEPTION_EXPIRY_TIMER,
          dueAt: new Date(validUntil),
          payload: { exceptionId, identityId },
        });
        return;
      }
      case 'SodExceptionRevoked': {
        const { exceptionId, by, reason, revokedAt } = event.data;
        await client.query('UPDATE sod_exceptions SET revoked_at = $2, revoked_by = $3, revoke_reason = $4 WHERE exception_id = $1', [
          exceptionId,
          revokedAt,
          by,
          reason,
        ]);
        await cancelTimer(client, sodExceptionExpiryTimerId(exceptionId));
        return;
      }
      case 'SodExceptionExpired':
        return; // expiry is read against the clock (valid_until); the timer that recorded it is gone
      default:
        return; // events of later versions are ignored by this one
    }
  },
};
