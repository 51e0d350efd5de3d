import { asConnectorError, type Connector, type ConnectorCapabilities } from '@tenure/connector-sdk';
import type { AcknowledgedStep, AttemptFailure } from '../domain/operation';
import { assertNever } from '../domain/assert-never';
import type { PreparedOperation } from './prepared-operation';

export type Execution =
  | { readonly kind: 'attempted'; readonly steps: readonly AcknowledgedStep[]; readonly failure: AttemptFailure | null }
  /** The connector cannot do this (see its capabilities): a person does it, as for a manual application. */
  | { readonly kind: 'needs-person'; readonly missing: keyof ConnectorCapabilities };

class MissingCapability extends Error {
  constructor(readonly capability: keyof ConnectorCapabilities) {
    super(`the connector cannot ${capability}`);
  }
}

/**
 * Runs one operation against the target: the connector calls it needs, in order, the completing
 * step last. Every call is idempotent, so running an operation again after a crash (before its
 * outcome was recorded) leaves the target as one run would. Steps an earlier attempt recorded are
 * not repeated; the first failure stops the attempt and is returned with the steps done before it.
 */
export async function executeOperation(connector: Connector, operation: PreparedOperation): Promise<Execution> {
  const steps: AcknowledgedStep[] = [];
  const { userName } = operation.account;
  const done = (type: AcknowledgedStep['type']) => operation.succeeded.includes(type);
  const able = (capability: keyof ConnectorCapabilities) => {
    if (!connector.capabilities[capability]) throw new MissingCapability(capability);
  };
  try {
    const { action, entitlementKey } = operation.request;
    switch (action) {
      case 'grant':
        able('grant');
        if (!done('AccountCreated') && !done('AccountEnabled')) await ensureAccount(connector, operation, able, steps);
        await connector.grant(userName, entitlementKey!);
        steps.push({ type: 'EntitlementGranted', userName });
        break;
      case 'revoke':
        able('revoke');
        if (operation.disableAccount && !done('AccountDisabled')) {
          const account = await connector.getAccount(userName);
          if (account?.enabled) {
            able('disableAccount');
            await connector.disableAccount(userName);
            steps.push({ type: 'AccountDisabled', userName });
          }
        }
        await connector.revoke(userName, entitlementKey!);
        steps.push({ type: 'EntitlementRevoked', userName });
        break;
      case 'disable-account': {
        able('disableAccount');
        const account = await connector.getAccount(userName);
        if (account?.enabled) await connector.disableAccount(userName);
        steps.push({ type: 'AccountDisabled', userName, accountExisted: account !== null });
        break;
      }
      case 'enable-account':
        able('enableAccount');
        await connector.enableAccount(userName);
        steps.push({ type: 'AccountEnabled', userName });
        break;
      case 'create-account':
        able('createAccount');
        await connector.createAccount(operation.account);
        steps.push({ type: 'AccountCreated', userName });
        break;
      case 'update-account': {
        able('updateAccount');
        const { userName: _unchanged, ...changes } = operation.account;
        await connector.updateAccount(userName, changes);
        steps.push({ type: 'AccountUpdated', userName });
        break;
      }
      default:
        assertNever(action);
    }
    return { kind: 'attempted', steps, failure: null };
  } catch (error) {
    if (error instanceof MissingCapability) return { kind: 'needs-person', missing: error.capability };
    const failure = asConnectorError(error);
    return {
      kind: 'attempted',
      steps,
      failure: { kind: failure.kind, message: failure.message, retryable: failure.retryable, retryAfterMs: failure.retryAfterMs },
    };
  }
}

/** A grant needs an account: created when the target has none, enabled when it is disabled and the person is active. */
async function ensureAccount(
  connector: Connector,
  operation: PreparedOperation,
  able: (capability: keyof ConnectorCapabilities) => void,
  steps: AcknowledgedStep[],
): Promise<void> {
  const { userName } = operation.account;
  const account = await connector.getAccount(userName);
  if (account === null) {
    able('createAccount');
    await connector.createAccount(operation.account);
    steps.push({ type: 'AccountCreated', userName });
  } else if (!account.enabled && operation.identityStatus === 'active') {
    able('enableAccount');
    await connector.enableAccount(userName);
    steps.push({ type: 'AccountEnabled', userName });
  }
}
