import type { CatalogEntitlement } from '../api/types';
import { table } from './table';

export function catalogLines(search: string, entitlements: readonly CatalogEntitlement[], more: boolean): string[] {
  if (entitlements.length === 0) return [`Nothing in the catalog matches "${search}".`];
  const rows = entitlements.map((entry) => [
    `${entry.applicationId}/${entry.key}`,
    entry.displayName,
    entry.risk?.toLowerCase() ?? '-',
    entry.requestable ? 'yes' : 'no',
    entry.ownerEmployeeNumber ?? '-',
  ]);
  const lines = table(['ENTITLEMENT', 'NAME', 'RISK', 'REQUESTABLE', 'OWNER'], rows);
  if (more) lines.push(`(more match "${search}": narrow the search)`);
  return lines;
}
