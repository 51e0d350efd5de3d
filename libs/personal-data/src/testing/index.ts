import { IDENTITY_STREAM_PREFIX, PERSONAL_DATA_ERASED, type PublishedPersonalDataErased } from '@tenure/contracts';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { PersonalDataKeys } from '../personal-data-keys';

interface StoreWithPersonalData {
  appendToStream(
    streamId: string,
    events: readonly {
      type: string;
      data: unknown;
      metadata: { eventId: string; correlationId: string; causationId: null; actor: { kind: 'person'; id: string }; occurredAt: string };
    }[],
  ): Promise<unknown>;
  readonly personalData: { readonly keys: Pick<PersonalDataKeys, 'destroy'> };
}

/**
 * What the identity service's erasure does, for the consumer services' tests: PersonalDataErased
 * on the person's stream (as published), then the destruction of their key.
 */
export async function erasePublishedIdentity(store: StoreWithPersonalData, employeeNumber: string, identityId: string): Promise<void> {
  const streamId = `${IDENTITY_STREAM_PREFIX}${employeeNumber}`;
  const erased: PublishedPersonalDataErased = {
    type: PERSONAL_DATA_ERASED,
    data: {
      identityId,
      employeeNumber,
      legalReference: 'GDPR-17 case T-1',
      erasedBy: 'person:admin',
      erasedAt: '2026-11-26T09:00:00.000Z',
    },
  };
  await store.appendToStream(streamId, [
    {
      ...erased,
      metadata: {
        eventId: randomUUID(),
        correlationId: 'erasure-test',
        causationId: null,
        actor: { kind: 'person', id: 'admin' },
        occurredAt: '2026-11-26T09:00:00.000Z',
      },
    },
  ]);
  await store.personalData.keys.destroy(streamId, 'test erasure');
}

/** Every text column of `table` that still contains one of `secrets`: what an erasure test expects to be empty. */
export async function leftoversIn(db: Pick<Pool, 'query'>, table: string, secrets: readonly string[]): Promise<string[]> {
  const { rows } = await db.query<{ row: string }>(`SELECT t::text AS row FROM ${table} t`);
  return rows.map((r) => r.row).filter((row) => secrets.some((secret) => row.includes(secret)));
}
