import type { TargetAccount } from '@tenure/connector-sdk';
import { decodeAccountComment } from './account-comment';

/** An account as the connector reports it: the role name is both its id and its user name. */
export function accountView(row: {
  readonly rolname: string;
  readonly rolcanlogin: boolean;
  readonly comment: string | null;
}): TargetAccount {
  const attributes = decodeAccountComment(row.comment);
  return {
    accountId: row.rolname,
    userName: row.rolname,
    enabled: row.rolcanlogin,
    displayName: attributes.displayName ?? null,
    email: attributes.email ?? null,
    employeeNumber: attributes.employeeNumber ?? null,
  };
}
