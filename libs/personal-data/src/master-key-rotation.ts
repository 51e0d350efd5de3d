import type { KeyObject } from 'node:crypto';
import type { Pool } from 'pg';
import { tryUnwrapKey, wrapKey } from './key-wrapping';
import { PERSONAL_DATA_KEY_VARIABLE } from './master-key';

/** What a rotation did to the rows of tenure_personal_data_keys. */
export interface MasterKeyRotation {
  /** Live keys wrapped with the old master key, now wrapped with the new one. */
  readonly rewrapped: number;
  /**
   * Live keys already wrapped with the new master key, left as they are: created during the rotation
   * window by a service that already ran with the new key as PERSONAL_DATA_KEY, or by an earlier run.
   */
  readonly alreadyWrapped: number;
  /** Live keys stored unwrapped (an earlier version, or a process without a master key), now wrapped with the new one. */
  readonly wrappedUnwrapped: number;
  /** Destroyed keys (no material left): nothing to rewrap, untouched. */
  readonly destroyed: number;
}

export type MasterKeyRotationRefusal = 'same-key' | 'key-does-not-unwrap';

/** The rotation changed nothing: the new key is the old one, or the old one does not open a stored key. */
export class MasterKeyRotationRefused extends Error {
  constructor(
    readonly code: MasterKeyRotationRefusal,
    message: string,
    /** The first key (in key id order) the old master key does not unwrap. */
    readonly keyId?: string,
  ) {
    super(message);
    this.name = 'MasterKeyRotationRefused';
  }
}

export interface MasterKeyRotationOptions {
  /** The master key the stored keys are wrapped with now. */
  readonly from: KeyObject;
  /** The master key to wrap them with. */
  readonly to: KeyObject;
  /** Runs in the transaction after every key is rewrapped, just before the commit; a throw rolls everything back. */
  readonly beforeCommit?: () => void | Promise<void>;
  /** Keys read and rewritten per round trip; bounds memory, not atomicity (all rounds are one transaction). */
  readonly batchSize?: number;
}

interface KeyRow {
  key_id: string;
  subject: string;
  key_material: Buffer;
  wrapped_at: Date | null;
}

/**
 * Rewraps every live per-person key from one master key to another, in one transaction: afterwards
 * the old master key opens nothing, and the data sealed under the per-person keys reads exactly as
 * before (the per-person keys themselves do not change, so no event is touched).
 *
 * Every key is unwrapped with the old master key before its new material is written; the first key
 * that opens neither with the old key nor (already rotated) with the new one refuses the rotation,
 * naming it, and the transaction is rolled back: nothing changes. Keys already wrapped with the new
 * key are the normal case of a rolling rotation (services run with the new key as PERSONAL_DATA_KEY
 * and the old one as PERSONAL_DATA_KEY_PREVIOUS, and create new keys under the new one) and of a
 * second run. Destroyed keys have no material and stay as they are.
 */
export async function rotateMasterKey(pool: Pick<Pool, 'connect'>, options: MasterKeyRotationOptions): Promise<MasterKeyRotation> {
  if (options.from.equals(options.to)) {
    throw new MasterKeyRotationRefused(
      'same-key',
      'the new master key is the same as the current one: nothing to rotate (generate a new one, e.g. `openssl rand -base64 32`)',
    );
  }
  const batchSize = options.batchSize ?? 1_000;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // A table lock, not SELECT … FOR UPDATE: row locks cover the rows that exist when they are read,
    // but not a key that `liveKey` inserts meanwhile for a new person, wrapped with whatever master key
    // that process holds. SHARE ROW EXCLUSIVE conflicts with the ROW EXCLUSIVE lock of every INSERT,
    // UPDATE and DELETE (key creation, destruction, wrapping of unwrapped keys, another rotation), and
    // not with plain SELECTs: readers go on opening the committed material (with PERSONAL_DATA_KEY_PREVIOUS
    // while the window is open), and appends of personal data wait the few seconds the rotation takes
    // instead of creating a key the rotation would miss. At the commit, every live key is under the new key.
    await client.query('LOCK TABLE tenure_personal_data_keys IN SHARE ROW EXCLUSIVE MODE');
    const counts = { rewrapped: 0, alreadyWrapped: 0, wrappedUnwrapped: 0 };
    let after = '';
    for (;;) {
      const { rows } = await client.query<KeyRow>(
        `SELECT key_id, subject, key_material, wrapped_at FROM tenure_personal_data_keys
          WHERE key_material IS NOT NULL AND key_id > $1 ORDER BY key_id LIMIT $2`,
        [after, batchSize],
      );
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.key_id;
      const keyIds: string[] = [];
      const materials: Buffer[] = [];
      for (const row of rows) {
        const plain = plainKey(row, options, counts);
        if (!plain) continue;
        keyIds.push(row.key_id);
        materials.push(wrapKey(options.to, row.key_id, plain));
        plain.fill(0); // no copy of the clear key outlives its rewrapping
      }
      if (keyIds.length > 0) {
        await client.query(
          `UPDATE tenure_personal_data_keys AS k SET key_material = r.material, wrapped_at = clock_timestamp()
             FROM unnest($1::text[], $2::bytea[]) AS r (key_id, material)
            WHERE k.key_id = r.key_id AND k.key_material IS NOT NULL`,
          [keyIds, materials],
        );
      }
    }
    const { rows } = await client.query<{ destroyed: string }>(
      'SELECT count(*) AS destroyed FROM tenure_personal_data_keys WHERE key_material IS NULL',
    );
    await options.beforeCommit?.();
    await client.query('COMMIT');
    return { ...counts, destroyed: Number(rows[0]!.destroyed) };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The clear key to rewrap, counted; undefined for a key already under the new master key. Refuses a key neither opens. */
function plainKey(
  row: KeyRow,
  options: MasterKeyRotationOptions,
  counts: { rewrapped: number; alreadyWrapped: number; wrappedUnwrapped: number },
): Buffer | undefined {
  if (row.wrapped_at === null) {
    counts.wrappedUnwrapped++;
    return Buffer.from(row.key_material);
  }
  const opened = tryUnwrapKey(options.from, row.key_id, row.key_material);
  if (opened) {
    counts.rewrapped++;
    return opened;
  }
  if (tryUnwrapKey(options.to, row.key_id, row.key_material)) {
    counts.alreadyWrapped++;
    return undefined;
  }
  throw new MasterKeyRotationRefused(
    'key-does-not-unwrap',
    `personal data key ${row.key_id} (of ${row.subject}) does not unwrap with the current master key (${PERSONAL_DATA_KEY_VARIABLE}): ` +
      'it is not the master key that wrapped the stored keys, or the key row was altered. Nothing was rotated',
    row.key_id,
  );
}
