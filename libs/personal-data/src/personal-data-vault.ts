import { ERASED_MARKER } from '@tenure/contracts';
import { createSecretKey, type KeyObject } from 'node:crypto';
import type { Pool } from 'pg';
import { isEnvelope, open, seal, type PersonalEnvelope } from './envelope';
import { personalDataMasterKeyFrom, type PersonalDataMasterKey } from './master-key';
import { PersonalDataKeys, type LiveKey } from './personal-data-keys';
import { carriesPersonalData, mapPersonalValuesOf } from './personal-values';

interface EventLike {
  readonly type: string;
  readonly data: unknown;
}

/**
 * The event store's seam for personal data: `protect` before an append (personal values become
 * envelopes under their person's key), `reveal` after a read (envelopes become values again, or
 * ERASED_MARKER once the key is destroyed), with one key query per batch. `reveal` looks for
 * envelopes anywhere in the data, but only of the event types that carry personal data: every
 * other event (most of the log) costs one set lookup.
 *
 * The master key (PERSONAL_DATA_KEY, read from the environment unless given) wraps the per-person
 * keys. Before its first key use the vault wraps keys an earlier version stored unwrapped and checks
 * that the master key opens the stored ones: a wrong or missing master key stops every reader and
 * writer with PersonalDataKeyUnusable instead of showing everyone as erased. During a rotation of the
 * master key, PERSONAL_DATA_KEY_PREVIOUS (the old key) also unwraps: keys are tried with the current key
 * first, and new keys are always wrapped with the current one (docs/personal-data.md).
 */
export class PersonalDataVault {
  readonly keys: PersonalDataKeys;
  private prepared: Promise<void> | undefined;

  constructor(pool: Pool, masterKey: PersonalDataMasterKey | null = personalDataMasterKeyFrom(process.env)) {
    this.keys = new PersonalDataKeys(pool, masterKey);
  }

  /** Wraps the keys stored unwrapped and checks the master key, once per vault (again after a failure). */
  prepare(): Promise<void> {
    this.prepared ??= (async () => {
      // Checked first, so that a wrong master key never wraps anything.
      await this.keys.assertMasterKeyOpensKeys();
      await this.keys.wrapUnwrappedKeys();
    })().catch((error: unknown) => {
      this.prepared = undefined; // a lost connection may succeed next time; a wrong key fails again, as clearly
      throw error;
    });
    return this.prepared;
  }

  async protect<E extends EventLike>(streamId: string, events: readonly E[]): Promise<E[]> {
    const liveKeys = new Map<string, LiveKey>();
    const protectedEvents: E[] = [];
    for (const event of events) {
      const subjects = new Set<string>();
      mapPersonalValuesOf(streamId, event.type, event.data, (subject, value) => (subjects.add(subject), value));
      if (subjects.size === 0) {
        protectedEvents.push(event);
        continue;
      }
      await this.prepare();
      for (const subject of subjects) if (!liveKeys.has(subject)) liveKeys.set(subject, await this.keys.liveKey(subject));
      // Already sealed values (a caller that re-appends what it read raw) stay as they are.
      const data = mapPersonalValuesOf(streamId, event.type, event.data, (subject, value) => {
        const key = liveKeys.get(subject) as LiveKey;
        return isEnvelope(value) ? value : seal(key.keyId, key.key, value);
      });
      protectedEvents.push({ ...event, data });
    }
    return protectedEvents;
  }

  async reveal<E extends EventLike>(events: readonly E[]): Promise<E[]> {
    const keyIds = new Set<string>();
    // One walk per event to find envelopes; only the events that hold one are copied and opened.
    const sealed = events.map((event) => carriesPersonalData(event.type) && collectKeyIds(event.data, keyIds));
    if (keyIds.size === 0) return [...events];
    await this.prepare();
    const materials = new Map<string, KeyObject>();
    for (const [keyId, material] of await this.keys.materials([...keyIds])) materials.set(keyId, createSecretKey(material));
    return events.map((event, i) => (sealed[i] ? { ...event, data: openAll(event.data, materials) } : event));
  }
}

/** Adds the key ids of the envelopes in `value` to `into`; true when it holds at least one envelope. */
function collectKeyIds(value: unknown, into: Set<string>): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (isEnvelope(value)) {
    into.add(value.$personal.key);
    return true;
  }
  let found = false;
  for (const child of Array.isArray(value) ? value : Object.values(value)) found = collectKeyIds(child, into) || found;
  return found;
}

/**
 * `value` with every envelope in it opened. Only the objects and arrays on the way to an envelope are
 * copied; the rest is shared with `value`, which is left as it was (a replay opens every event of the
 * log, and copying whole events made a large share of its garbage).
 */
function openAll(value: unknown, materials: ReadonlyMap<string, KeyObject>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (isEnvelope(value)) return openEnvelope(value, materials);
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let index = 0; index < value.length; index++) {
      const child: unknown = value[index];
      const opened = openAll(child, materials);
      if (opened === child) continue;
      copy ??= [...value];
      copy[index] = opened;
    }
    return copy ?? value;
  }
  let copy: Record<string, unknown> | undefined;
  const record = value as Record<string, unknown>;
  for (const name of Object.keys(record)) {
    const child = record[name];
    const opened = openAll(child, materials);
    if (opened === child) continue;
    copy ??= { ...record };
    copy[name] = opened;
  }
  return copy ?? value;
}

function openEnvelope(envelope: PersonalEnvelope, materials: ReadonlyMap<string, KeyObject>): unknown {
  const key = materials.get(envelope.$personal.key);
  // A destroyed key is the erasure itself. A ciphertext that does not open under its key was
  // altered in the database: the tamper-evidence verification names that event; here it must
  // neither crash every reader nor show anything, so it reads as erased too.
  if (!key) return ERASED_MARKER;
  try {
    return open(envelope, key);
  } catch {
    return ERASED_MARKER;
  }
}
