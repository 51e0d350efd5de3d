import type { Projection } from '@tenure/event-store-postgres';
import { SOD_VIOLATIONS_STREAM_PREFIX } from '../../application/policy-streams';
import type { SodViolationEvent } from '../../domain/sod-violations';
import { CREATE_SOD_VIOLATIONS } from './sod-violations.table';

/** Keeps `sod_violations`: a detection puts the row (a re-detection replaces it), a resolution removes it. */
export const sodViolationsProjection: Projection = {
  name: 'policy-sod-violations',
  filter: { streamPrefixes: [SOD_VIOLATIONS_STREAM_PREFIX] },
  async setup(client) {
    await client.query(CREATE_SOD_VIOLATIONS);
  },
  async reset(client) {
    await client.query('TRUNCATE sod_violations');
  },
  async apply(recorded, client) {
    const event = { type: recorded.type, data: recorded.data } as SodViolationEvent;
    switch (event.type) {
      case 'SodViolationDetected': {
        const { identityId, ruleId, employeeNumber, policyVersion, violation } = event.data;
        await client.query(
          `INSERT INTO sod_violations (identity_id, rule_id, employee_number, policy_version, violation, detected_at)
           VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (identity_id, rule_id) DO UPDATE SET employee_number = EXCLUDED.employee_number,
             policy_version = EXCLUDED.policy_version, violation = EXCLUDED.violation, detected_at = EXCLUDED.detected_at`,
          [identityId, ruleId, employeeNumber, policyVersion, JSON.stringify(violation), recorded.metadata.occurredAt],
        );
        return;
      }
      case 'SodViolationResolved':
        await client.query('DELETE FROM sod_violations WHERE identity_id = $1 AND rule_id = $2', [
          event.data.identityId,
          event.data.ruleId,
        ]);
        return;
      default:
        return; // events of later versions are ignored by this one
    }
  },
};
