import type { DomainEvent } from '@tenure/event-sourcing';
import { assertNever } from '../assert-never';

// One application (a target system Tenure provisions) per stream, `application-<applicationId>`.
// Credentials are sealed (AES-256-GCM) before they reach the decider: events carry the ciphertext
// and the names of the credentials, never a secret value.

export const CONNECTOR_TYPES = ['postgresql', 'ldap', 'scim', 'simulated', 'manual'] as const;
/** How Tenure reaches the application's target; `manual` has no connector (its operations become tasks). */
export type ConnectorType = (typeof CONNECTOR_TYPES)[number];

/**
 * What reconciliation does with the drift it finds in the application's target:
 * - revoke: make the target match the desired state (disable orphaned accounts, revoke grants made
 *   outside Tenure, grant missing ones, correct attributes);
 * - adopt: accept grants made outside Tenure to known identities as assignments; still grant
 *   missing ones and correct attributes (Tenure's own decisions stand); flag the rest;
 * - flag: change nothing in the target; every drift waits for an administrator.
 */
export const DRIFT_REMEDIATIONS = ['revoke', 'adopt', 'flag'] as const;
export type DriftRemediation = (typeof DRIFT_REMEDIATIONS)[number];

export interface ReconciliationSetting {
  readonly remediation: DriftRemediation;
  /** Minutes between scheduled reconciliations; null: only on demand. */
  readonly scheduleMinutes: number | null;
}

/** Until an administrator says otherwise: look daily, touch nothing. */
export const DEFAULT_RECONCILIATION: ReconciliationSetting = { remediation: 'flag', scheduleMinutes: 1440 };

/** Settings as validated by the connector type's schema: plain JSON, with secrets referenced by name only. */
export type ApplicationSettings = Readonly<Record<string, unknown>>;

/** A credentials map sealed with AES-256-GCM; every part base64. `keyId` names the key, it is not the key. */
export interface SealedCredentials {
  readonly algorithm: 'aes-256-gcm';
  readonly keyId: string;
  readonly iv: string;
  readonly tag: string;
  readonly ciphertext: string;
}

export type ApplicationRegistered = DomainEvent<
  'ApplicationRegistered',
  {
    readonly applicationId: string;
    readonly name: string;
    readonly connectorType: ConnectorType;
    readonly settings: ApplicationSettings;
    readonly credentialNames: readonly string[];
    /** Null when no credential was given. */
    readonly sealedCredentials: SealedCredentials | null;
    readonly ownerEmployeeNumber: string;
    /** False: registered paused (provisioning waits until it is resumed). */
    readonly enabled: boolean;
    readonly registeredAt: string;
  }
>;
export type ApplicationConfigured = DomainEvent<
  'ApplicationConfigured',
  { readonly applicationId: string; readonly settings: ApplicationSettings; readonly configuredAt: string }
>;
export type ApplicationCredentialsSet = DomainEvent<
  'ApplicationCredentialsSet',
  {
    readonly applicationId: string;
    readonly credentialNames: readonly string[];
    readonly sealedCredentials: SealedCredentials | null;
    readonly setAt: string;
  }
>;
export type ApplicationPaused = DomainEvent<
  'ApplicationPaused',
  { readonly applicationId: string; readonly reason: string; readonly pausedAt: string }
>;
export type ApplicationResumed = DomainEvent<
  'ApplicationResumed',
  { readonly applicationId: string; readonly reason: string; readonly resumedAt: string }
>;
export type ApplicationOwnerChanged = DomainEvent<
  'ApplicationOwnerChanged',
  {
    readonly applicationId: string;
    readonly ownerEmployeeNumber: string;
    readonly previousOwnerEmployeeNumber: string;
    readonly changedAt: string;
  }
>;

export type ApplicationReconciliationConfigured = DomainEvent<
  'ApplicationReconciliationConfigured',
  {
    readonly applicationId: string;
    readonly remediation: DriftRemediation;
    readonly scheduleMinutes: number | null;
    readonly configuredAt: string;
  }
>;

/**
 * What one account (one seat) in the application costs per month: what a leaver's or a review's
 * disabled account saves. Entitlements may carry a cost of their own (the catalog's licenseCost).
 */
export interface LicenseCost {
  readonly amountPerMonth: number;
  /** ISO 4217, e.g. "EUR". */
  readonly currency: string;
}

/** Null: the application's seats cost nothing known (unset, or the cost was removed). */
export type ApplicationLicenseCostSet = DomainEvent<
  'ApplicationLicenseCostSet',
  { readonly applicationId: string; readonly licenseCost: LicenseCost | null; readonly setAt: string }
>;

export type ApplicationEvent =
  | ApplicationRegistered
  | ApplicationLicenseCostSet
  | ApplicationReconciliationConfigured
  | ApplicationConfigured
  | ApplicationCredentialsSet
  | ApplicationPaused
  | ApplicationResumed
  | ApplicationOwnerChanged;

export interface RegisteredApplication {
  readonly applicationId: string;
  readonly name: string;
  readonly connectorType: ConnectorType;
  readonly settings: ApplicationSettings;
  readonly credentialNames: readonly string[];
  readonly sealedCredentials: SealedCredentials | null;
  readonly ownerEmployeeNumber: string;
  readonly reconciliation: ReconciliationSetting;
  readonly licenseCost: LicenseCost | null;
}

export type ApplicationState =
  | { readonly status: 'none' }
  | { readonly status: 'active'; readonly application: RegisteredApplication }
  | { readonly status: 'paused'; readonly application: RegisteredApplication; readonly reason: string; readonly pausedAt: string };

/** The reason recorded for an application registered with `enabled: false`. */
export const REGISTERED_PAUSED_REASON = 'registered paused';

export function initialState(): ApplicationState {
  return { status: 'none' };
}

export function evolve(state: ApplicationState, event: ApplicationEvent): ApplicationState {
  switch (event.type) {
    case 'ApplicationRegistered': {
      const { enabled, registeredAt, ...registered } = event.data;
      const application: RegisteredApplication = { ...registered, reconciliation: DEFAULT_RECONCILIATION, licenseCost: null };
      return enabled
        ? { status: 'active', application }
        : { status: 'paused', application, reason: REGISTERED_PAUSED_REASON, pausedAt: registeredAt };
    }
    case 'ApplicationConfigured':
      return withApplication(state, (application) => ({ ...application, settings: event.data.settings }));
    case 'ApplicationCredentialsSet': {
      const { credentialNames, sealedCredentials } = event.data;
      return withApplication(state, (application) => ({ ...application, credentialNames, sealedCredentials }));
    }
    case 'ApplicationReconciliationConfigured': {
      const { remediation, scheduleMinutes } = event.data;
      return withApplication(state, (application) => ({ ...application, reconciliation: { remediation, scheduleMinutes } }));
    }
    case 'ApplicationLicenseCostSet':
      return withApplication(state, (application) => ({ ...application, licenseCost: event.data.licenseCost }));
    case 'ApplicationOwnerChanged':
      return withApplication(state, (application) => ({ ...application, ownerEmployeeNumber: event.data.ownerEmployeeNumber }));
    case 'ApplicationPaused':
      return state.status === 'none'
        ? state
        : { status: 'paused', application: state.application, reason: event.data.reason, pausedAt: event.data.pausedAt };
    case 'ApplicationResumed':
      return state.status === 'none' ? state : { status: 'active', application: state.application };
    default:
      return assertNever(event);
  }
}

function withApplication(state: ApplicationState, change: (application: RegisteredApplication) => RegisteredApplication): ApplicationState {
  return state.status === 'none' ? state : { ...state, application: change(state.application) };
}
