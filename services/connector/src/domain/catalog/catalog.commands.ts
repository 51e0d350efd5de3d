import { DomainError } from '@tenure/event-sourcing';
import { assertNever } from '../assert-never';
import {
  LICENSE_CURRENCY,
  RISK_LEVELS,
  type CatalogEntry,
  type CatalogEvent,
  type CatalogState,
  type EntitlementAnnotation,
} from './catalog.events';

/** An entitlement as the target listed it. */
export interface FoundEntitlement {
  readonly key: string;
  readonly displayName: string;
  readonly description: string | null;
  readonly kind: string;
}

/**
 * Records one complete discovery: everything the target lists now. New keys (and keys that had
 * vanished and are back) are discovered; known keys the target no longer lists have vanished;
 * the rest records nothing, so discovering an unchanged target twice records nothing.
 */
export interface RecordDiscovery {
  readonly type: 'RecordDiscovery';
  readonly data: { readonly applicationId: string; readonly found: readonly FoundEntitlement[]; readonly now: Date };
}

/** Changes the given fields of an entitlement's annotation; absent fields stay, null clears. */
export interface AnnotateEntitlement {
  readonly type: 'AnnotateEntitlement';
  readonly data: {
    readonly applicationId: string;
    readonly key: string;
    readonly changes: Partial<EntitlementAnnotation>;
    readonly now: Date;
  };
}

export type CatalogCommand = RecordDiscovery | AnnotateEntitlement;

export function decide(command: CatalogCommand, state: CatalogState): readonly CatalogEvent[] {
  switch (command.type) {
    case 'RecordDiscovery':
      return recordDiscovery(command.data, state);
    case 'AnnotateEntitlement':
      return annotate(command.data, state);
    default:
      return assertNever(command);
  }
}

function recordDiscovery(data: RecordDiscovery['data'], state: CatalogState): readonly CatalogEvent[] {
  const { applicationId, now } = data;
  const known: ReadonlyMap<string, CatalogEntry> = state.status === 'empty' ? new Map() : state.entries;
  const found = new Map<string, FoundEntitlement>();
  for (const entitlement of data.found) {
    if (entitlement.key.trim() === '')
      throw new DomainError('validation', 'the target listed an entitlement without a key', { applicationId });
    // A target listing the same key twice (e.g. across pages that shifted) names one entitlement.
    if (!found.has(entitlement.key)) found.set(entitlement.key, entitlement);
  }
  const at = now.toISOString();
  const events: CatalogEvent[] = [];
  for (const entitlement of found.values()) {
    if (known.get(entitlement.key)?.present) continue;
    const { key, displayName, description, kind } = entitlement;
    events.push({ type: 'EntitlementDiscovered', data: { applicationId, key, displayName, description, kind, discoveredAt: at } });
  }
  for (const entry of known.values()) {
    if (entry.present && !found.has(entry.key)) {
      events.push({ type: 'EntitlementVanished', data: { applicationId, key: entry.key, vanishedAt: at } });
    }
  }
  return events;
}

function annotate(data: AnnotateEntitlement['data'], state: CatalogState): readonly CatalogEvent[] {
  const { applicationId, key, changes, now } = data;
  const entry = state.status === 'empty' ? undefined : state.entries.get(key);
  if (!entry) {
    throw new DomainError('not_found', `application "${applicationId}" has no entitlement "${key}" in its catalog: discover it first`, {
      applicationId,
      key,
    });
  }
  if (!entry.present) {
    throw new DomainError('illegal_state', `entitlement "${key}" of application "${applicationId}" is no longer in the target`, {
      applicationId,
      key,
    });
  }
  const annotation = checkedAnnotation({ ...entry.annotation, ...definedOnly(changes) });
  if (sameAnnotation(annotation, entry.annotation)) return [];
  return [
    {
      type: 'EntitlementAnnotated',
      data: { applicationId, key, ...annotation, currency: LICENSE_CURRENCY, annotatedAt: now.toISOString() },
    },
  ];
}

function checkedAnnotation(annotation: EntitlementAnnotation): EntitlementAnnotation {
  const { licenseCost, risk } = annotation;
  if (licenseCost !== null && (!Number.isFinite(licenseCost) || licenseCost < 0)) {
    throw new DomainError(
      'validation',
      `licenseCost ${licenseCost} is not a cost: give a number of ${LICENSE_CURRENCY} of 0 or more, or null`,
      {
        field: 'licenseCost',
      },
    );
  }
  if (risk !== null && !RISK_LEVELS.includes(risk)) {
    throw new DomainError('validation', `risk "${String(risk)}" is not one of ${RISK_LEVELS.join(', ')}`, { field: 'risk' });
  }
  return {
    ...annotation,
    displayName: blankAsNull(annotation.displayName),
    description: blankAsNull(annotation.description),
    ownerEmployeeNumber: blankAsNull(annotation.ownerEmployeeNumber),
  };
}

function definedOnly(changes: Partial<EntitlementAnnotation>): Partial<EntitlementAnnotation> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
}

function blankAsNull(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function sameAnnotation(a: EntitlementAnnotation, b: EntitlementAnnotation): boolean {
  return (Object.keys(a) as (keyof EntitlementAnnotation)[]).every((field) => a[field] === b[field]);
}
