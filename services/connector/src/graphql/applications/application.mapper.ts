import type { ConnectionTest as ConnectionTestResult } from '../../application/catalog-administration';
import { DomainError } from '@tenure/event-sourcing';
import type { ApplicationDetails } from '../../application/connector-queries';
import type { ConnectorErrorKind, ConnectorTypeName } from '../shared/connector-enums';
import type { DriftRemediationName } from '../reconciliation/reconciliation-enums';
import { Application, ConnectionTest, ReconciliationSetting } from './application.type';
import type { CredentialInput } from './application.input';

export function toApplication(view: ApplicationDetails): Application {
  return Object.assign(new Application(), {
    id: view.applicationId,
    name: view.name,
    connectorType: view.connectorType as ConnectorTypeName,
    settings: view.settings,
    credentialNames: [...view.credentialNames],
    credentialsSetAt: view.credentialsSetAt,
    missingCredentialNames: [...view.missingCredentialNames],
    enabled: view.paused === null,
    pausedReason: view.paused?.reason ?? null,
    pausedAt: view.paused?.since ?? null,
    ownerEmployeeNumber: view.ownerEmployeeNumber,
    registeredAt: view.registeredAt,
    reconciliation: Object.assign(new ReconciliationSetting(), {
      remediation: view.reconciliation.remediation as DriftRemediationName,
      scheduleMinutes: view.reconciliation.scheduleMinutes,
    }),
  });
}

export function toConnectionTest(result: ConnectionTestResult): ConnectionTest {
  return Object.assign(
    new ConnectionTest(),
    result.ok
      ? { ok: true, errorKind: null, retryable: null, message: null }
      : { ok: false, errorKind: result.errorKind as ConnectorErrorKind, retryable: result.retryable, message: result.message },
  );
}

/** GraphQL has no maps: credentials arrive as a list of names and values. */
export function toCredentials(inputs: readonly CredentialInput[] | null | undefined): Record<string, string> {
  const credentials = new Map<string, string>();
  for (const { name, value } of inputs ?? []) {
    if (credentials.has(name)) throw new DomainError('validation', `credential "${name}" is given twice`, { field: 'credentials' });
    credentials.set(name, value);
  }
  return Object.fromEntries(credentials);
}
