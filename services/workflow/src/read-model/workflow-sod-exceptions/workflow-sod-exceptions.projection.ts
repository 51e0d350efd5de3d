import { PUBLISHED_SOD_EXCEPTION_EVENT_TYPES, SOD_EXCEPTION_STREAM_PREFIX, type PublishedSodExceptionEvent } from '@tenure/contracts';
import type { Projection } from '@tenure/event-store-postgres';
import { assertNever } from '../../domain/assert-never';
import { CREATE_WORKFLOW_SOD_EXCEPTIONS } from './workflow-sod-exceptions.table';

/** Keeps `workflow_sod_exceptions` from the policy service's published SoD exception events. */
export const workflowSodExceptionsProjection: Projection = {
  name: 'workflow-sod-exceptions',
  filter: { streamPrefixes: [SOD_EXCEPTION_STREAM_PREFIX], eventTypes: PUBLISHED_SOD_EXCEPTION_EVENT_TYPES },
  async setup(client) {
    await client.query(CREATE_WORKFLOW_SOD_EXCEPTIONS);
  },
  async reset(client) {
    await client.query('TRUNCATE workflow_sod_exceptions');
  },
  async apply(recorded, client) {
    if (!(PUBLISHED_SOD_EXCEPTION_EVENT_TYPES as readonly string[]).includes(recorded.type)) return;
    const event = { type: recorded.type, data: recorded.data } as PublishedSodExceptionEvent;
    switch (event.type) {
      case 'SodExceptionGranted': {
        const { exceptionId, identityId, ruleId, approvedBy, reason, validUntil } = event.data;
        await client.query(
          `INSERT INTO workflow_sod_exceptions (exception_id, identity_id, rule_id, approved_by, reason, valid_until, status)
           VALUES ($1, $2, $3, $4, $5, $6, 'granted') ON CONFLICT (exception_id) DO NOTHING`,
          [exceptionId, identityId, ruleId, approvedBy, reason, validUntil],
        );
        return;
      }
      case 'SodExceptionRevoked':
        await client.query(`UPDATE workflow_sod_exceptions SET status = 'revoked' WHERE exception_id = $1 AND status = 'granted'`, [
          event.data.exceptionId,
        ]);
        return;
      case 'SodExceptionExpired':
        await client.query(`UPDATE workflow_sod_exceptions SET status = 'expired' WHERE exception_id = $1 AND status = 'granted'`, [
          event.data.exceptionId,
        ]);
        return;
      default:
        assertNever(event);
    }
  },
};
