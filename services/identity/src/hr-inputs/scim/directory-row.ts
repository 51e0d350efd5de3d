import { directoryRowToRecord } from '../../read-model/directory-row-record';
import type { IdentityDirectoryRow } from '../../read-model/identity-directory.table';
import type { DirectoryIdentity, DirectoryIdentityStatus } from './hr-directory';

/** A row of `identity_directory` with the SCIM external id kept beside it. */
export type DirectoryRowWithExternalId = IdentityDirectoryRow & { readonly external_id: string | null };

/** The columns every directory query selects, for `directoryRowToIdentity`. */
export const DIRECTORY_COLUMNS = 'd.*, x.external_id';
export const DIRECTORY_FROM = 'identity_directory d LEFT JOIN scim_external_ids x ON x.identity_id = d.identity_id';

const STATUS: Readonly<Record<IdentityDirectoryRow['status'], DirectoryIdentityStatus>> = {
  'pre-hire': 'pre_hire',
  active: 'active',
  'on-leave': 'on_leave',
  terminated: 'terminated',
};

/** The identity as the SCIM layer sees it; its version is the identity stream's revision. */
export function directoryRowToIdentity(row: DirectoryRowWithExternalId): DirectoryIdentity {
  const record = directoryRowToRecord(row);
  return {
    id: row.identity_id,
    version: String(row.version),
    record,
    externalId: row.external_id,
    status: STATUS[row.status],
    created: row.created_at,
    lastModified: row.updated_at,
  };
}
