import { randomBytes, randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { KEY_BYTES } from './envelope';
import { unwrapWithMasterKey, wrapKey } from './key-wrapping';
import {
  PERSONAL_DATA_KEY_PREVIOUS_VARIABLE,
  PERSONAL_DATA_KEY_VARIABLE,
  SET_PERSONAL_DATA_KEY,
  type PersonalDataMasterKey,
} from './master-key';

export interface LiveKey {
  readonly keyId: string;
  readonly key: Buffer;
}

export interface DestroyedKeys {
  readonly subject: string;
  readonly keyIds: readonly string[];
}

/**
 * A stored key cannot be used: the master key is missing or is not the one that wrapped it. Never
 * read as an erasure: every reader stops with this message instead of showing "[erased]".
 */
export class PersonalDataKeyUnusable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PersonalDataKeyUnusable';
  }
}

type Queryable = Pick<Pool | PoolClient, 'query'>;

interface KeyRow {
  key_id: string;
  subject: string;
  key_material: Buffer;
  wrapped_at: Date | null;
}

/**
 * The key table (tenure_personal_data_keys). With a master key (PERSONAL_DATA_KEY) every key is
 * stored wrapped (AES-256-GCM, the key id as additional data); without one (development and
 * tests only, production refuses to start) keys are stored unwrapped. A master key with `previous`
 * (PERSONAL_DATA_KEY_PREVIOUS, during a rotation) also unwraps with the old key; it never wraps.
 */
export class PersonalDataKeys {
  constructor(
    private readonly db: Queryable,
    private readonly masterKey: PersonalDataMasterKey | null = null,
  ) {}

  /** True when keys are wrapped before they are stored. */
  get wrapsKeys(): boolean {
    return this.masterKey !== null;
  }

  /** The subject's live key, created on first use. */
  async liveKey(subject: string): Promise<LiveKey> {
    // Two writers may create the first key at once: the partial unique index lets one win, and the
    // loser reads the winner's key on the next round.
    for (let attempt = 1; attempt <= 3; attempt++) {
      const keyId = randomUUID();
      const key = randomBytes(KEY_BYTES);
      const stored = this.masterKey ? wrapKey(this.masterKey.key, keyId, key) : key;
      const { rows } = await this.db.query<KeyRow>(
        `WITH created AS (
           INSERT INTO tenure_personal_data_keys (key_id, subject, key_material, wrapped_at)
           VALUES ($1, $2, $3, CASE WHEN $4::boolean THEN clock_timestamp() END)
           ON CONFLICT (subject) WHERE destroyed_at IS NULL DO NOTHING
           RETURNING key_id, subject, key_material, wrapped_at)
         SELECT key_id, subject, key_material, wrapped_at FROM created
         UNION ALL
         SELECT key_id, subject, key_material, wrapped_at FROM tenure_personal_data_keys WHERE subject = $2 AND destroyed_at IS NULL
         LIMIT 1`,
        [keyId, subject, stored, this.masterKey !== null],
      );
      const row = rows[0];
      if (row) return { keyId: row.key_id, key: row.key_id === keyId ? key : this.plainMaterial(row) };
    }
    throw new Error(`no live personal data key for "${subject}" after 3 attempts (concurrent erasure?)`);
  }

  /** The material of the given keys that still exist; destroyed or unknown keys are absent. */
  async materials(keyIds: readonly string[]): Promise<Map<string, Buffer>> {
    if (keyIds.length === 0) return new Map();
    const { rows } = await this.db.query<KeyRow>(
      `SELECT key_id, subject, key_material, wrapped_at FROM tenure_personal_data_keys
        WHERE key_id = ANY ($1::text[]) AND key_material IS NOT NULL`,
      [keyIds],
    );
    return new Map(rows.map((row) => [row.key_id, this.plainMaterial(row)]));
  }

  /**
   * Wraps, with the master key, the live keys still stored unwrapped (written by a version without
   * wrapping, or without a master key); `wrapped_at` records when. Safe to run from several
   * processes at once: a row is only rewritten while still unwrapped. No master key: nothing to do.
   */
  async wrapUnwrappedKeys(): Promise<number> {
    if (!this.masterKey) return 0;
    const { rows } = await this.db.query<KeyRow>(
      'SELECT key_id, subject, key_material, wrapped_at FROM tenure_personal_data_keys WHERE wrapped_at IS NULL AND key_material IS NOT NULL',
    );
    let wrapped = 0;
    for (const row of rows) {
      const result = await this.db.query(
        `UPDATE tenure_personal_data_keys SET key_material = $2, wrapped_at = clock_timestamp()
          WHERE key_id = $1 AND wrapped_at IS NULL AND key_material IS NOT NULL`,
        [row.key_id, wrapKey(this.masterKey.key, row.key_id, row.key_material)],
      );
      wrapped += result.rowCount ?? 0;
    }
    return wrapped;
  }

  /**
   * Refuses, with a message that names the problem, a master key that does not open the stored
   * keys, and a missing master key when keys are stored wrapped. Checks one wrapped live key.
   */
  async assertMasterKeyOpensKeys(): Promise<void> {
    const { rows } = await this.db.query<KeyRow>(
      `SELECT key_id, subject, key_material, wrapped_at FROM tenure_personal_data_keys
        WHERE wrapped_at IS NOT NULL AND key_material IS NOT NULL ORDER BY created_at LIMIT 1`,
    );
    if (rows[0]) this.plainMaterial(rows[0]);
  }

  /** Destroys every live key of the subject: what was encrypted with them can never be read again. */
  async destroy(subject: string, reason: string): Promise<DestroyedKeys> {
    const { rows } = await this.db.query<{ key_id: string }>(
      `UPDATE tenure_personal_data_keys SET key_material = NULL, destroyed_at = clock_timestamp(), destroyed_reason = $2
        WHERE subject = $1 AND destroyed_at IS NULL RETURNING key_id`,
      [subject, reason],
    );
    return { subject, keyIds: rows.map((row) => row.key_id) };
  }

  /** Every key the subject ever had, with when it was destroyed (null while live); no material. */
  async history(subject: string): Promise<{ keyId: string; createdAt: Date; destroyedAt: Date | null }[]> {
    const { rows } = await this.db.query<{ key_id: string; created_at: Date; destroyed_at: Date | null }>(
      'SELECT key_id, created_at, destroyed_at FROM tenure_personal_data_keys WHERE subject = $1 ORDER BY created_at',
      [subject],
    );
    return rows.map((row) => ({ keyId: row.key_id, createdAt: row.created_at, destroyedAt: row.destroyed_at }));
  }

  private plainMaterial(row: KeyRow): Buffer {
    if (row.wrapped_at === null) return row.key_material;
    if (!this.masterKey) {
      throw new PersonalDataKeyUnusable(
        `personal data key ${row.key_id} (of ${row.subject}) is stored wrapped, but ${PERSONAL_DATA_KEY_VARIABLE} is not set: ` +
          `personal data cannot be read or written; ${SET_PERSONAL_DATA_KEY}, with the master key that wrapped the keys`,
      );
    }
    const opened = unwrapWithMasterKey(this.masterKey, row.key_id, row.key_material);
    if (opened) return opened;
    if (this.masterKey.previous) {
      throw new PersonalDataKeyUnusable(
        `personal data key ${row.key_id} (of ${row.subject}) unwraps neither with ${PERSONAL_DATA_KEY_VARIABLE} nor with ${PERSONAL_DATA_KEY_PREVIOUS_VARIABLE}: ` +
          'neither is the master key that wrapped it (was a rotation run with another key?), or the key row was altered. ' +
          'Set them to the new and the old master key of the rotation; nothing was read as erased',
      );
    }
    throw new PersonalDataKeyUnusable(
      `personal data key ${row.key_id} (of ${row.subject}) does not unwrap with ${PERSONAL_DATA_KEY_VARIABLE}: ` +
        'it is not the master key that wrapped the stored keys (was it changed or replaced?), or the key row was altered. ' +
        `Set ${PERSONAL_DATA_KEY_VARIABLE} back to the master key the keys were wrapped with; nothing was read as erased`,
    );
  }
}
