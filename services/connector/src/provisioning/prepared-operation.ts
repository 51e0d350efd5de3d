import type { AccountSpec } from '@tenure/connector-sdk';
import type { OperationRequest, OperationSuccessType } from '../domain/operation';
import type { ConnectorIdentityStatus } from '../read-model/desired-state/desired-state.tables';

/** An operation with what running it needs from the desired state, looked up just before it runs. */
export interface PreparedOperation {
  readonly request: OperationRequest;
  /** Steps an earlier attempt already recorded. */
  readonly succeeded: readonly OperationSuccessType[];
  /** The account Tenure wants (user name stable from connector_identities). */
  readonly account: AccountSpec;
  /** Null for an account no identity matches (an orphan named by reconciliation). */
  readonly identityStatus: ConnectorIdentityStatus | null;
  /** A revoke of the identity's last assignment in the application also disables the account (least privilege). */
  readonly disableAccount: boolean;
}
