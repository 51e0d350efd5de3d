import type { EventStore } from '@tenure/event-sourcing';
import {
  identitiesByEmployeeNumbers,
  identitiesByIds,
  identityById,
  reportsOfManagers,
  type Queryable,
} from './identity-directory.queries';
import type { IdentityDirectoryRow } from './identity-directory.table';
import { searchIdentities, type IdentitySearchFilter, type IdentitySearchPage } from './identity-search';
import { readIdentityTimeline, type TimelinePage } from './identity-timeline';
import type { PageRequest } from './page-request';

/** Everything the identity subgraph reads: the directory for the present, the event store for history. */
export class IdentityDirectoryReader {
  constructor(
    private readonly db: Queryable,
    private readonly store: EventStore,
  ) {}

  byId(identityId: string): Promise<IdentityDirectoryRow | undefined> {
    return identityById(this.db, identityId);
  }

  byIds(identityIds: readonly string[]): Promise<IdentityDirectoryRow[]> {
    return identitiesByIds(this.db, identityIds);
  }

  byEmployeeNumbers(employeeNumbers: readonly string[]): Promise<IdentityDirectoryRow[]> {
    return identitiesByEmployeeNumbers(this.db, employeeNumbers);
  }

  reportsOf(managerEmployeeNumbers: readonly string[]): Promise<IdentityDirectoryRow[]> {
    return reportsOfManagers(this.db, managerEmployeeNumbers);
  }

  search(filter: IdentitySearchFilter, page: PageRequest): Promise<IdentitySearchPage> {
    return searchIdentities(this.db, filter, page);
  }

  /** Undefined when no identity has this id. */
  async timeline(identityId: string, page: PageRequest): Promise<TimelinePage | undefined> {
    const identity = await identityById(this.db, identityId);
    return identity ? readIdentityTimeline(this.store, identity.employee_number, page) : undefined;
  }
}
