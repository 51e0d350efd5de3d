import { DomainError } from '@tenure/event-sourcing';
import { assertNever } from '../assert-never';
import { canonicalJson } from '../canonical-json';
import {
  DRIFT_REMEDIATIONS,
  type ApplicationEvent,
  type ApplicationSettings,
  type ApplicationState,
  type ConnectorType,
  type DriftRemediation,
  type LicenseCost,
  type RegisteredApplication,
  type SealedCredentials,
} from './application.events';

/** An administrator-chosen id that reads well in URLs and stream names: "github", "erp-prod". */
export const APPLICATION_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/** Credentials as the decider sees them: their names and the sealed map (null when there are none). */
export interface CredentialsSealed {
  readonly names: readonly string[];
  readonly sealed: SealedCredentials | null;
}

/**
 * Registers an application. The application layer has validated `settings` with the connector
 * type's schema and sealed the credentials; the decider keeps the application's own invariants.
 */
export interface RegisterApplication {
  readonly type: 'RegisterApplication';
  readonly data: {
    readonly applicationId: string;
    readonly name: string;
    readonly connectorType: ConnectorType;
    readonly settings: ApplicationSettings;
    readonly credentials: CredentialsSealed;
    readonly ownerEmployeeNumber: string;
    readonly enabled: boolean;
    readonly now: Date;
  };
}

export interface ConfigureApplication {
  readonly type: 'ConfigureApplication';
  readonly data: { readonly applicationId: string; readonly settings: ApplicationSettings; readonly now: Date };
}

/** Replaces the whole set of credentials (to rotate one, send them all). */
export interface SetCredentials {
  readonly type: 'SetCredentials';
  readonly data: { readonly applicationId: string; readonly credentials: CredentialsSealed; readonly now: Date };
}

export interface PauseApplication {
  readonly type: 'PauseApplication';
  readonly data: { readonly applicationId: string; readonly reason: string; readonly now: Date };
}

export interface ResumeApplication {
  readonly type: 'ResumeApplication';
  readonly data: { readonly applicationId: string; readonly reason: string; readonly now: Date };
}

export interface ChangeOwner {
  readonly type: 'ChangeOwner';
  readonly data: { readonly applicationId: string; readonly ownerEmployeeNumber: string; readonly now: Date };
}

/** How reconciliation treats the application's drift, and how often it runs on its own. */
export interface ConfigureReconciliation {
  readonly type: 'ConfigureReconciliation';
  readonly data: {
    readonly applicationId: string;
    readonly remediation: DriftRemediation;
    readonly scheduleMinutes: number | null;
    readonly now: Date;
  };
}

/** What one account in the application costs per month; null removes the cost. */
export interface SetLicenseCost {
  readonly type: 'SetLicenseCost';
  readonly data: { readonly applicationId: string; readonly licenseCost: LicenseCost | null; readonly now: Date };
}

export type ApplicationCommand =
  | RegisterApplication
  | SetLicenseCost
  | ConfigureApplication
  | ConfigureReconciliation
  | SetCredentials
  | PauseApplication
  | ResumeApplication
  | ChangeOwner;

/** Reconciling more often loads the target for little; less often than monthly is not a schedule. */
export const RECONCILIATION_SCHEDULE_MINUTES = { min: 5, max: 43_200 } as const;

export function decide(command: ApplicationCommand, state: ApplicationState): readonly ApplicationEvent[] {
  switch (command.type) {
    case 'RegisterApplication':
      return register(command.data, state);
    case 'ConfigureApplication': {
      const { applicationId, settings, now } = command.data;
      const application = registered(state, applicationId);
      // The same settings again change nothing: a retried request records nothing twice.
      if (canonicalJson(application.settings) === canonicalJson(settings)) return [];
      return [{ type: 'ApplicationConfigured', data: { applicationId, settings, configuredAt: now.toISOString() } }];
    }
    case 'ConfigureReconciliation':
      return configureReconciliation(command.data, state);
    case 'SetLicenseCost':
      return setLicenseCost(command.data, state);
    case 'SetCredentials': {
      const { applicationId, credentials, now } = command.data;
      registered(state, applicationId);
      const credentialNames = checkedNames(credentials.names);
      return [
        {
          type: 'ApplicationCredentialsSet',
          data: { applicationId, credentialNames, sealedCredentials: credentials.sealed, setAt: now.toISOString() },
        },
      ];
    }
    case 'PauseApplication':
      return pause(command.data, state);
    case 'ResumeApplication':
      return resume(command.data, state);
    case 'ChangeOwner': {
      const { applicationId, now } = command.data;
      const application = registered(state, applicationId);
      const ownerEmployeeNumber = required(command.data.ownerEmployeeNumber, 'ownerEmployeeNumber', 'an owner (employee number)');
      if (ownerEmployeeNumber === application.ownerEmployeeNumber) return [];
      return [
        {
          type: 'ApplicationOwnerChanged',
          data: {
            applicationId,
            ownerEmployeeNumber,
            previousOwnerEmployeeNumber: application.ownerEmployeeNumber,
            changedAt: now.toISOString(),
          },
        },
      ];
    }
    default:
      return assertNever(command);
  }
}

function register(data: RegisterApplication['data'], state: ApplicationState): readonly ApplicationEvent[] {
  const { applicationId, connectorType, settings, credentials, enabled, now } = data;
  if (state.status !== 'none') {
    throw new DomainError('conflict', `application "${applicationId}" is already registered`, { applicationId });
  }
  if (!APPLICATION_ID_PATTERN.test(applicationId)) {
    throw new DomainError(
      'validation',
      `application id "${applicationId}" is not valid: use 1 to 64 lower-case letters, digits and inner hyphens, e.g. "erp-prod"`,
      { field: 'applicationId' },
    );
  }
  return [
    {
      type: 'ApplicationRegistered',
      data: {
        applicationId,
        name: required(data.name, 'name', 'a name'),
        connectorType,
        settings,
        credentialNames: checkedNames(credentials.names),
        sealedCredentials: credentials.sealed,
        ownerEmployeeNumber: required(data.ownerEmployeeNumber, 'ownerEmployeeNumber', 'an owner (employee number)'),
        enabled,
        registeredAt: now.toISOString(),
      },
    },
  ];
}

function configureReconciliation(data: ConfigureReconciliation['data'], state: ApplicationState): readonly ApplicationEvent[] {
  const { applicationId, remediation, scheduleMinutes, now } = data;
  const application = registered(state, applicationId);
  if (!(DRIFT_REMEDIATIONS as readonly string[]).includes(remediation)) {
    throw new DomainError('validation', `remediation "${remediation}" is not one of ${DRIFT_REMEDIATIONS.join(', ')}`, {
      field: 'remediation',
    });
  }
  const { min, max } = RECONCILIATION_SCHEDULE_MINUTES;
  if (scheduleMinutes !== null && !(Number.isInteger(scheduleMinutes) && scheduleMinutes >= min && scheduleMinutes <= max)) {
    throw new DomainError(
      'validation',
      `scheduleMinutes must be a whole number of minutes from ${min} to ${max} (30 days), or null to reconcile on demand only; got ${scheduleMinutes}`,
      { field: 'scheduleMinutes' },
    );
  }
  const current = application.reconciliation;
  if (current.remediation === remediation && current.scheduleMinutes === scheduleMinutes) return [];
  return [
    {
      type: 'ApplicationReconciliationConfigured',
      data: { applicationId, remediation, scheduleMinutes, configuredAt: now.toISOString() },
    },
  ];
}

const CURRENCY_CODE = /^[A-Z]{3}$/;

function setLicenseCost(data: SetLicenseCost['data'], state: ApplicationState): readonly ApplicationEvent[] {
  const { applicationId, licenseCost, now } = data;
  const application = registered(state, applicationId);
  if (licenseCost !== null) {
    const { amountPerMonth, currency } = licenseCost;
    if (!Number.isFinite(amountPerMonth) || amountPerMonth < 0) {
      throw new DomainError('validation', `licenseCost.amountPerMonth must be a number of at least 0; got ${amountPerMonth}`, {
        field: 'licenseCost',
      });
    }
    if (!CURRENCY_CODE.test(currency)) {
      throw new DomainError('validation', `licenseCost.currency must be an ISO 4217 code such as "EUR"; got "${currency}"`, {
        field: 'licenseCost',
      });
    }
  }
  const current = application.licenseCost;
  const same =
    current === null || licenseCost === null
      ? current === licenseCost
      : current.amountPerMonth === licenseCost.amountPerMonth && current.currency === licenseCost.currency;
  if (same) return [];
  const cost = licenseCost === null ? null : { amountPerMonth: licenseCost.amountPerMonth, currency: licenseCost.currency };
  return [{ type: 'ApplicationLicenseCostSet', data: { applicationId, licenseCost: cost, setAt: now.toISOString() } }];
}

// Pausing a paused application (or resuming an active one) records nothing: like every connector
// operation, the request is idempotent, and the first pause's reason and time stand.
function pause(data: PauseApplication['data'], state: ApplicationState): readonly ApplicationEvent[] {
  const { applicationId, now } = data;
  registered(state, applicationId);
  const reason = required(data.reason, 'reason', 'a reason for pausing');
  if (state.status === 'paused') return [];
  return [{ type: 'ApplicationPaused', data: { applicationId, reason, pausedAt: now.toISOString() } }];
}

function resume(data: ResumeApplication['data'], state: ApplicationState): readonly ApplicationEvent[] {
  const { applicationId, now } = data;
  registered(state, applicationId);
  const reason = required(data.reason, 'reason', 'a reason for resuming');
  if (state.status === 'active') return [];
  return [{ type: 'ApplicationResumed', data: { applicationId, reason, resumedAt: now.toISOString() } }];
}

function registered(state: ApplicationState, applicationId: string): RegisteredApplication {
  if (state.status === 'none') throw new DomainError('not_found', `application "${applicationId}" is not registered`, { applicationId });
  return state.application;
}

function required(value: string, field: string, what: string): string {
  const trimmed = value.trim();
  if (trimmed === '') throw new DomainError('validation', `an application needs ${what}`, { field });
  return trimmed;
}

const CREDENTIAL_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

function checkedNames(names: readonly string[]): readonly string[] {
  for (const name of names) {
    if (!CREDENTIAL_NAME.test(name)) {
      throw new DomainError(
        'validation',
        `credential name "${name}" is not valid: use 1 to 64 letters, digits, ".", "_" and "-", starting with a letter or digit`,
        { field: 'credentials' },
      );
    }
  }
  if (new Set(names).size !== names.length)
    throw new DomainError('validation', 'each credential name may be given once', { field: 'credentials' });
  return [...names].sort();
}
