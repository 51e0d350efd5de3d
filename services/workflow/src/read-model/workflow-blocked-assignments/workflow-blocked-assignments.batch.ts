import type { RecordedEvent } from '@tenure/event-sourcing';
import type { PoolClient } from 'pg';
import type { AssignmentAdded, AssignmentBlocked, IdentityMarkedTerminated } from '../../domain/assignments';

type Handled = AssignmentBlocked | AssignmentAdded | IdentityMarkedTerminated;

interface BlockedRow {
  readonly identity_id: string;
  readonly application_id: string;
  readonly entitlement_key: string;
  readonly source: unknown;
  readonly rules: unknown;
  readonly blocked_at: string;
}

/**
 * A batch folded to its end state, written with three statements: the identities that left (their
 * rows go, then), the entitlements unblocked by an addition, and the blocks standing at the end. The
 * order of the writes is what makes it equal to the events one by one: a block raised after a
 * leaver in the same batch is written after that leaver's rows were removed.
 */
export async function applyBlockedAssignmentsBatch(events: readonly RecordedEvent[], client: PoolClient): Promise<void> {
  const left = new Set<string>();
  const last = new Map<string, BlockedRow | 'unblocked'>();
  // The keys each identity was blocked under in this batch: a leaver's are found without a walk over
  // every key of the batch (which, once per leaver, grew with the square of the batch's size).
  const blockedKeysOf = new Map<string, Set<string>>();
  for (const recorded of events) {
    const event = { type: recorded.type, data: recorded.data } as Handled;
    switch (event.type) {
      case 'AssignmentBlocked': {
        const { identityId, applicationId, entitlementKey, source, rules, blockedAt } = event.data;
        const key = keyOf(identityId, applicationId, entitlementKey);
        const keys = blockedKeysOf.get(identityId) ?? new Set<string>();
        blockedKeysOf.set(identityId, keys.add(key));
        last.set(key, {
          identity_id: identityId,
          application_id: applicationId,
          entitlement_key: entitlementKey,
          source,
          rules,
          blocked_at: blockedAt,
        });
        break;
      }
      case 'AssignmentAdded':
        last.set(keyOf(event.data.identityId, event.data.applicationId, event.data.entitlementKey), 'unblocked');
        break;
      case 'IdentityMarkedTerminated':
        left.add(event.data.identityId);
        // Whatever this batch raised for them before is gone with the rest.
        for (const key of blockedKeysOf.get(event.data.identityId) ?? []) if (last.get(key) !== 'unblocked') last.delete(key);
        blockedKeysOf.delete(event.data.identityId);
        break;
      default:
        break; // other assignment events do not change a block
    }
  }
  if (left.size > 0) await client.query('DELETE FROM workflow_blocked_assignments WHERE identity_id = ANY ($1::text[])', [[...left]]);
  const unblocked = [...last].filter(([, decision]) => decision === 'unblocked').map(([key]) => JSON.parse(key) as string[]);
  if (unblocked.length > 0) {
    await client.query(
      `DELETE FROM workflow_blocked_assignments b USING unnest($1::text[], $2::text[], $3::text[]) AS u(identity_id, application_id, entitlement_key)
        WHERE b.identity_id = u.identity_id AND b.application_id = u.application_id AND b.entitlement_key = u.entitlement_key`,
      [unblocked.map((k) => k[0]), unblocked.map((k) => k[1]), unblocked.map((k) => k[2])],
    );
  }
  const blocked = [...last.values()].filter((decision): decision is BlockedRow => decision !== 'unblocked');
  if (blocked.length === 0) return;
  await client.query(
    `INSERT INTO workflow_blocked_assignments (identity_id, application_id, entitlement_key, source, rules, blocked_at)
     SELECT identity_id, application_id, entitlement_key, source, rules, blocked_at
       FROM jsonb_to_recordset($1::jsonb)
         AS r(identity_id text, application_id text, entitlement_key text, source jsonb, rules jsonb, blocked_at timestamptz)
     ON CONFLICT (identity_id, application_id, entitlement_key) DO UPDATE SET
       source = EXCLUDED.source, rules = EXCLUDED.rules, blocked_at = EXCLUDED.blocked_at`,
    [JSON.stringify(blocked)],
  );
}

function keyOf(identityId: string, applicationId: string, entitlementKey: string): string {
  return JSON.stringify([identityId, applicationId, entitlementKey]);
}
