import { commandHandler, DomainError, type Actor, type Clock, type EventStore, type IdGenerator } from '@tenure/event-sourcing';
import { ConnectorError, type Connector } from '@tenure/connector-sdk';
import { catalogDecider, type CatalogCommand, type EntitlementAnnotation, type FoundEntitlement } from '../domain/catalog';
import type { ApplicationConnectors } from './application-connectors';
import { manualSettingsSchema } from '../connectors/connector-types';
import { catalogStreamId, loadApplication } from './connector-streams';

export interface CatalogAdministrationDependencies {
  readonly store: EventStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly connectors: ApplicationConnectors;
  /** Entitlements asked for per page of discovery. */
  readonly pageSize?: number;
}

export interface DiscoveryOutcome {
  readonly applicationId: string;
  /** Entitlements the target lists now. */
  readonly listed: number;
  readonly discovered: number;
  readonly vanished: number;
}

export type ConnectionTest =
  | { readonly ok: true }
  | { readonly ok: false; readonly errorKind: ConnectorError['kind']; readonly retryable: boolean; readonly message: string };

const DEFAULT_PAGE_SIZE = 200;
/** A target whose cursor never ends is a broken target, not an endless catalog. */
const MAX_PAGES = 10_000;

/**
 * The entitlement catalog: discovered from the target through the application's connector (for a
 * manual application, taken from its settings), then annotated by administrators; and the administrators' check that a target answers at all.
 */
export class CatalogAdministration {
  private readonly handle;

  constructor(private readonly deps: CatalogAdministrationDependencies) {
    this.handle = commandHandler(deps.store, catalogDecider, { ids: deps.ids });
  }

  /**
   * Reads every entitlement the target lists, page by page, and records what changed. Catalogs are
   * hundreds or a few thousand entitlements, so one discovery is decided at once (unlike accounts,
   * which reconciliation streams). A target that fails is a FAILED_PRECONDITION naming its error kind.
   */
  async discoverEntitlements(applicationId: string, actor: Actor): Promise<DiscoveryOutcome> {
    const found = await this.listed(applicationId);
    const result = await this.run(applicationId, actor, (now) => ({ type: 'RecordDiscovery', data: { applicationId, found, now } }));
    const count = (type: string) => result.filter((event) => event.type === type).length;
    return { applicationId, listed: found.length, discovered: count('EntitlementDiscovered'), vanished: count('EntitlementVanished') };
  }

  async annotateEntitlement(applicationId: string, key: string, changes: Partial<EntitlementAnnotation>, actor: Actor): Promise<void> {
    await this.run(applicationId, actor, (now) => ({ type: 'AnnotateEntitlement', data: { applicationId, key, changes, now } }));
  }

  /** Whether the target answers with the configured credentials; a failure is an answer, not an error. */
  async testConnection(applicationId: string): Promise<ConnectionTest> {
    try {
      await this.deps.connectors.use(applicationId, (connector) => connector.testConnection());
      return { ok: true };
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error;
      return { ok: false, errorKind: error.kind, retryable: error.retryable, message: error.message };
    }
  }

  /** What the application offers now: a manual application's settings say (it has no target to ask); any other's target does. */
  private async listed(applicationId: string): Promise<FoundEntitlement[]> {
    const state = await loadApplication(this.deps.store, applicationId);
    if (state.status !== 'none' && state.application.connectorType === 'manual') {
      const { entitlements } = manualSettingsSchema.parse(state.application.settings);
      return entitlements.map(({ key, displayName, description, kind }) => ({ key, displayName, description, kind }));
    }
    return this.deps.connectors
      .use(applicationId, (connector) => this.listAll(connector))
      .catch((error: unknown) => {
        throw targetFailure(applicationId, 'discovery', error);
      });
  }

  private async listAll(connector: Connector): Promise<FoundEntitlement[]> {
    const found: FoundEntitlement[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const listed = await connector.listEntitlements(cursor, this.deps.pageSize ?? DEFAULT_PAGE_SIZE);
      for (const { key, displayName, description, kind } of listed.items) found.push({ key, displayName, description, kind });
      if (listed.nextCursor === null) return found;
      cursor = listed.nextCursor;
    }
    throw new ConnectorError('internal', `the target listed more than ${MAX_PAGES} pages of entitlements without an end`);
  }

  private async run(applicationId: string, actor: Actor, command: (now: Date) => CatalogCommand) {
    const now = this.deps.clock.now();
    const commandId = this.deps.ids.newId();
    const result = await this.handle(catalogStreamId(applicationId), command(now), { commandId, actor, now });
    return result.events;
  }
}

function targetFailure(applicationId: string, what: string, error: unknown): unknown {
  if (!(error instanceof ConnectorError)) return error;
  return new DomainError(
    'illegal_state',
    `${what} of application "${applicationId}" failed: the target answered ${error.kind}: ${error.message}`,
    {
      applicationId,
      connectorError: error.kind,
      retryable: error.retryable,
    },
  );
}
