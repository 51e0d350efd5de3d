import { ConnectorError, type ConnectorErrorKind } from '@tenure/connector-sdk';

/**
 * The ConnectorError an operation failed with; fails the test when it succeeded, threw something
 * that is not a ConnectorError, or a kind not in `kinds`.
 */
export async function expectConnectorError(
  operation: Promise<unknown>,
  kinds: ConnectorErrorKind | readonly ConnectorErrorKind[],
): Promise<ConnectorError> {
  const expected: readonly ConnectorErrorKind[] = typeof kinds === 'string' ? [kinds] : kinds;
  let outcome: { readonly failed: false } | { readonly failed: true; readonly error: unknown };
  try {
    await operation;
    outcome = { failed: false };
  } catch (error) {
    outcome = { failed: true, error };
  }
  if (!outcome.failed) throw new Error(`expected a ConnectorError (${expected.join(' or ')}), but the operation succeeded`);
  const { error } = outcome;
  if (!(error instanceof ConnectorError)) {
    const description = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new Error(`expected a ConnectorError (${expected.join(' or ')}), but got ${description}`, { cause: error });
  }
  if (!expected.includes(error.kind)) {
    throw new Error(`expected a ConnectorError of kind ${expected.join(' or ')}, but got ${error.kind}: ${error.message}`, {
      cause: error,
    });
  }
  return error;
}
