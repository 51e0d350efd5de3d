import type { DomainEvent } from '@tenure/event-sourcing';
import { assertNever } from '../assert-never';

// The entitlement catalog of one application, one stream per application (`catalog-<applicationId>`):
// kept apart from the application's own stream so that a catalog of thousands of entitlements is
// not read back each time an administrator changes a setting, and discovery never conflicts with
// configuration. What the target holds comes from discovery; what it means comes from annotations.

export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** License costs are per holder and month, in one currency for the whole platform for now. */
export const LICENSE_CURRENCY = 'EUR';

/** What an administrator says about an entitlement; null fields fall back to the target's (names) or are not assessed. */
export interface EntitlementAnnotation {
  readonly displayName: string | null;
  readonly description: string | null;
  readonly ownerEmployeeNumber: string | null;
  readonly risk: RiskLevel | null;
  /** Per holder and month, in `currency`; null when unknown or free. */
  readonly licenseCost: number | null;
  readonly requestable: boolean;
}

export const NO_ANNOTATION: EntitlementAnnotation = {
  displayName: null,
  description: null,
  ownerEmployeeNumber: null,
  risk: null,
  licenseCost: null,
  requestable: false,
};

export type EntitlementDiscovered = DomainEvent<
  'EntitlementDiscovered',
  {
    readonly applicationId: string;
    readonly key: string;
    readonly displayName: string;
    readonly description: string | null;
    readonly kind: string;
    readonly discoveredAt: string;
  }
>;
export type EntitlementVanished = DomainEvent<
  'EntitlementVanished',
  { readonly applicationId: string; readonly key: string; readonly vanishedAt: string }
>;
export type EntitlementAnnotated = DomainEvent<
  'EntitlementAnnotated',
  EntitlementAnnotation & {
    readonly applicationId: string;
    readonly key: string;
    /** Recorded with each cost so that a later change of currency never reinterprets history. */
    readonly currency: string;
    readonly annotatedAt: string;
  }
>;

export type CatalogEvent = EntitlementDiscovered | EntitlementVanished | EntitlementAnnotated;

export interface CatalogEntry {
  readonly key: string;
  /** In the target at the last discovery. */
  readonly present: boolean;
  readonly annotation: EntitlementAnnotation;
}

export type CatalogState =
  { readonly status: 'empty' } | { readonly status: 'discovered'; readonly entries: ReadonlyMap<string, CatalogEntry> };

export function initialState(): CatalogState {
  return { status: 'empty' };
}

export function evolve(state: CatalogState, event: CatalogEvent): CatalogState {
  const entries = new Map(state.status === 'empty' ? [] : state.entries);
  switch (event.type) {
    case 'EntitlementDiscovered': {
      const { key } = event.data;
      entries.set(key, { key, present: true, annotation: entries.get(key)?.annotation ?? NO_ANNOTATION });
      break;
    }
    case 'EntitlementVanished': {
      const entry = entries.get(event.data.key);
      if (entry) entries.set(entry.key, { ...entry, present: false });
      break;
    }
    case 'EntitlementAnnotated': {
      const { key, displayName, description, ownerEmployeeNumber, risk, licenseCost, requestable } = event.data;
      const entry = entries.get(key);
      if (entry)
        entries.set(key, { ...entry, annotation: { displayName, description, ownerEmployeeNumber, risk, licenseCost, requestable } });
      break;
    }
    default:
      return assertNever(event);
  }
  return { status: 'discovered', entries };
}
