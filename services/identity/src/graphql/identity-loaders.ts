import type { IdentityDirectoryReader } from '../read-model/identity-directory.reader';
import type { IdentityDirectoryRow } from '../read-model/identity-directory.table';
import { BatchLoader } from './batch-loader';

/** The per-request batches behind `manager`, `directReports` and entity references. */
export interface IdentityLoaders {
  readonly byId: BatchLoader<string, IdentityDirectoryRow>;
  readonly byEmployeeNumber: BatchLoader<string, IdentityDirectoryRow>;
  readonly reportsOf: BatchLoader<string, IdentityDirectoryRow[]>;
}

// Apollo Server makes one context object per request: loaders keyed by it live as long as the request.
const loadersByRequest = new WeakMap<object, IdentityLoaders>();

export function identityLoaders(reader: IdentityDirectoryReader, context: unknown): IdentityLoaders {
  if (typeof context !== 'object' || context === null) return createLoaders(reader);
  let loaders = loadersByRequest.get(context);
  if (!loaders) {
    loaders = createLoaders(reader);
    loadersByRequest.set(context, loaders);
  }
  return loaders;
}

function createLoaders(reader: IdentityDirectoryReader): IdentityLoaders {
  return {
    byId: new BatchLoader(async (ids) => new Map((await reader.byIds(ids)).map((row) => [row.identity_id, row]))),
    byEmployeeNumber: new BatchLoader(
      async (numbers) => new Map((await reader.byEmployeeNumbers(numbers)).map((row) => [row.employee_number, row])),
    ),
    reportsOf: new BatchLoader(async (managers) => {
      const reports = new Map<string, IdentityDirectoryRow[]>(managers.map((manager) => [manager, []]));
      for (const row of await reader.reportsOf(managers)) reports.get(row.manager_employee_number!)?.push(row);
      return reports;
    }),
  };
}
