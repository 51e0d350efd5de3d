import type { Pool } from 'pg';
import type { ConnectorTypes } from '../connectors/connector-types';
import { findApplication, listApplications, type ApplicationView } from '../read-model/applications/applications.queries';
import {
  findEntitlement,
  searchEntitlements,
  type EntitlementPage,
  type EntitlementSearch,
  type EntitlementView,
} from '../read-model/entitlements/entitlements.queries';

/** An application with the credentials its settings refer to and that are not set yet. */
export type ApplicationDetails = ApplicationView & { readonly missingCredentialNames: readonly string[] };

/** What the subgraph reads: the read models, optionally after they caught up with a change just made. */
export class ConnectorQueries {
  constructor(
    private readonly deps: { readonly pool: Pool; readonly types: ConnectorTypes; readonly readModelsCaughtUp: () => Promise<void> },
  ) {}

  /** Resolves once the read models show everything committed so far (read-your-writes after a mutation). */
  caughtUp(): Promise<void> {
    return this.deps.readModelsCaughtUp();
  }

  async applications(): Promise<ApplicationDetails[]> {
    return (await listApplications(this.deps.pool)).map((view) => this.withMissingCredentials(view));
  }

  async application(applicationId: string): Promise<ApplicationDetails | null> {
    const view = await findApplication(this.deps.pool, applicationId);
    return view ? this.withMissingCredentials(view) : null;
  }

  entitlements(search: EntitlementSearch): Promise<EntitlementPage> {
    return searchEntitlements(this.deps.pool, search);
  }

  entitlement(applicationId: string, key: string): Promise<EntitlementView | null> {
    return findEntitlement(this.deps.pool, applicationId, key);
  }

  private withMissingCredentials(view: ApplicationView): ApplicationDetails {
    const required = this.deps.types[view.connectorType].requiredCredentials(view.settings);
    return { ...view, missingCredentialNames: required.filter((name) => !view.credentialNames.includes(name)) };
  }
}
