import { setTimeout as sleep } from 'node:timers/promises';
import { asConnectorError, ConnectorError } from '@tenure/connector-sdk';
import { DomainError, fold, type Actor, type Clock, type EventStore, type IdGenerator } from '@tenure/event-sourcing';
import { ApplicationAdministration } from '../application/application-administration';
import { ApplicationConnectors, scrubbed } from '../application/application-connectors';
import { CatalogAdministration, type DiscoveryOutcome } from '../application/catalog-administration';
import { catalogStreamId, loadApplication } from '../application/connector-streams';
import type { Credentials } from '../application/credentials/credentials-cipher';
import type { CredentialsVault } from '../application/credentials/credentials-vault';
import type { ConnectorTypes } from '../connectors/connector-types';
import { canonicalJson } from '../domain/canonical-json';
import type { LicenseCost, RegisteredApplication } from '../domain/application';
import { catalogDecider, type CatalogEvent } from '../domain/catalog';
import type { ApplicationToLoad } from './applications-file';

export interface ApplicationLoaderDependencies {
  readonly store: EventStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly types: ConnectorTypes;
  readonly vault: CredentialsVault;
  readonly actor: Actor;
  /** Why an application the file says is (not) enabled was resumed (paused). */
  readonly reason: string;
  /** Attempts at a target that answers with a retryable error (unavailable, timeout, rate-limited). */
  readonly attempts?: number;
}

/** A problem with one application: the file's (exit 1) or its target's (exit 2). */
export interface LoadProblem {
  readonly kind: 'refused' | 'unreachable';
  readonly message: string;
}

export interface LoadOutcome {
  readonly applicationId: string;
  readonly connectorType: string;
  /** What happened to the application itself: new, brought in line with the file, or already as the file says. */
  readonly registration: 'registered' | 'updated' | 'unchanged' | 'failed';
  readonly discovery: DiscoveryOutcome | null;
  readonly annotated: number;
  readonly problems: readonly LoadProblem[];
}

const DEFAULT_ATTEMPTS = 3;
const RETRY_STEP_MS = 300;

/**
 * Loads applications through the connector service's own application layer, as an administrator
 * would through the API: register (or bring a registered application in line with the file),
 * discover the catalog from the target (a manual application's from its settings), annotate it.
 * Every step records only what changes, so loading the same file again records nothing.
 */
export class ApplicationLoader {
  private readonly applications: ApplicationAdministration;
  private readonly catalog: CatalogAdministration;

  constructor(private readonly deps: ApplicationLoaderDependencies) {
    const { store, clock, ids, types, vault } = deps;
    this.applications = new ApplicationAdministration({ store, clock, ids, types, vault });
    this.catalog = new CatalogAdministration({ store, clock, ids, connectors: new ApplicationConnectors({ store, types, vault }) });
  }

  /** Whether each target answers with its settings and credentials, before anything is recorded. */
  async unreachableTargets(applications: readonly ApplicationToLoad[]): Promise<string[]> {
    const answers = await Promise.all(applications.map((application) => this.testTarget(application)));
    return answers.filter((answer): answer is string => answer !== null);
  }

  async load(application: ApplicationToLoad): Promise<LoadOutcome> {
    const { applicationId, connectorType, record } = application;
    const outcome = { applicationId, connectorType, discovery: null, annotated: 0 };
    let registration: LoadOutcome['registration'];
    try {
      registration = await this.register(application);
    } catch (error) {
      return { ...outcome, registration: 'failed', problems: [refusal(record, error)] };
    }
    let discovery: DiscoveryOutcome;
    try {
      discovery = await this.retried(() => this.catalog.discoverEntitlements(applicationId, this.deps.actor));
    } catch (error) {
      if (!(error instanceof DomainError && error.details['connectorError'] !== undefined)) throw error;
      return { ...outcome, registration, problems: [{ kind: 'unreachable', message: `${record}: ${error.message}` }] };
    }
    const problems: LoadProblem[] = [];
    let annotated = 0;
    for (const [index, { key, changes }] of application.catalog.entries()) {
      const where = `${record}: catalog[${index}]`;
      try {
        await this.catalog.annotateEntitlement(applicationId, key, changes, this.deps.actor);
        annotated += 1;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (error.code !== 'not_found') problems.push({ kind: 'refused', message: `${where}${fileField(error, '.')}: ${error.message}` });
        else {
          const listed = (await this.presentKeys(applicationId)).join(', ') || 'nothing';
          const source = connectorType === 'manual' ? 'its settings.entitlements' : 'the target';
          problems.push({
            kind: 'refused',
            message: `${where}.key: "${key}" is not in the catalog discovered from ${source} (it lists ${listed})`,
          });
        }
      }
    }
    return { ...outcome, registration, discovery, annotated, problems };
  }

  private async presentKeys(applicationId: string): Promise<string[]> {
    const events = await this.deps.store.readStream(catalogStreamId(applicationId));
    const catalog = fold(
      catalogDecider,
      events.map((event) => ({ type: event.type, data: event.data }) as CatalogEvent),
    );
    return catalog.status === 'empty' ? [] : [...catalog.entries.values()].filter((entry) => entry.present).map((entry) => entry.key);
  }

  private async register(application: ApplicationToLoad): Promise<LoadOutcome['registration']> {
    const { applicationId, name, connectorType, settings, credentials, ownerEmployeeNumber, enabled } = application;
    const state = await loadApplication(this.deps.store, applicationId);
    const { licenseCost } = application;
    if (state.status === 'none') {
      await this.applications.register(
        { applicationId, name, connectorType, settings, credentials, ownerEmployeeNumber, enabled },
        this.deps.actor,
      );
      if (licenseCost) await this.applications.setLicenseCost(applicationId, licenseCost, this.deps.actor);
      return 'registered';
    }
    const registered = state.application;
    if (registered.connectorType !== connectorType) {
      throw new DomainError(
        'conflict',
        `"${applicationId}" is registered as a ${registered.connectorType} application; register the ${connectorType} one under another id`,
        { field: 'connectorType' },
      );
    }
    let changed = false;
    const change = async (differs: boolean, apply: () => Promise<void>) => {
      if (!differs) return;
      await apply();
      changed = true;
    };
    const { actor, reason } = this.deps;
    await change(!this.sameSettings(registered, settings), () => this.applications.configure(applicationId, settings, actor));
    await change(!this.sameCredentials(registered, credentials), () => this.applications.setCredentials(applicationId, credentials, actor));
    await change(registered.ownerEmployeeNumber !== ownerEmployeeNumber, () =>
      this.applications.changeOwner(applicationId, ownerEmployeeNumber, actor),
    );
    await change(licenseCost !== undefined && !sameLicenseCost(registered.licenseCost, licenseCost), () =>
      this.applications.setLicenseCost(applicationId, licenseCost ?? null, actor),
    );
    await change((state.status === 'active') !== enabled, () =>
      enabled ? this.applications.resume(applicationId, reason, actor) : this.applications.pause(applicationId, reason, actor),
    );
    return changed ? 'updated' : 'unchanged';
  }

  private sameSettings(registered: RegisteredApplication, settings: unknown): boolean {
    const parsed = this.deps.types[registered.connectorType].settingsSchema.safeParse(settings);
    return parsed.success && canonicalJson(parsed.data) === canonicalJson(registered.settings);
  }

  private sameCredentials(registered: RegisteredApplication, credentials: Credentials): boolean {
    try {
      return canonicalJson(this.deps.vault.open(registered.applicationId, registered.sealedCredentials)) === canonicalJson(credentials);
    } catch (error) {
      if (error instanceof DomainError) return false; // sealed with another key: set them again
      throw error;
    }
  }

  private async testTarget(application: ApplicationToLoad): Promise<string | null> {
    const { create } = this.deps.types[application.connectorType];
    if (!create) return null;
    try {
      await this.retried(async () => {
        const connector = create(application.settings, application.credentials);
        try {
          await connector.testConnection();
        } finally {
          await connector.close().catch(() => undefined);
        }
      });
      return null;
    } catch (error) {
      const failure = scrubbed(asConnectorError(error), application.credentials);
      return `${application.record}: the target did not answer: ${failure.kind}: ${failure.message}`;
    }
  }

  /** A target that answers "try again" gets a few more tries, a little apart; any other error is final. */
  private async retried<T>(work: () => Promise<T>): Promise<T> {
    const attempts = this.deps.attempts ?? DEFAULT_ATTEMPTS;
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        if (attempt >= attempts || !isRetryable(error)) throw error;
        await sleep(RETRY_STEP_MS * attempt);
      }
    }
  }
}

function sameLicenseCost(current: LicenseCost | null, wanted: LicenseCost | null | undefined): boolean {
  if (current === null || wanted == null) return current === (wanted ?? null);
  return current.amountPerMonth === wanted.amountPerMonth && current.currency === wanted.currency;
}

function isRetryable(error: unknown): boolean {
  if (error instanceof ConnectorError) return error.retryable;
  return error instanceof DomainError && error.details['retryable'] === true;
}

function refusal(record: string, error: unknown): LoadProblem {
  if (!(error instanceof DomainError)) throw error;
  const field = fileField(error, ' ');
  return { kind: 'refused', message: `${record}:${field}${field ? ':' : ''} ${error.message}` };
}

/** The file's name for the field a domain error names, after `separator`; nothing when it names none. */
function fileField(error: DomainError, separator: string): string {
  const field = error.details['field'];
  if (typeof field !== 'string') return '';
  return `${separator}${FILE_FIELDS[field] ?? field}`;
}

const FILE_FIELDS: Readonly<Record<string, string>> = { applicationId: 'id', ownerEmployeeNumber: 'owner' };
