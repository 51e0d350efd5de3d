import { ConnectorError } from '@tenure/connector-sdk';
import { expectConnectorError } from './connector-errors';

describe('expectConnectorError', () => {
  it('given an operation failing with an expected kind, when checked, then the error is returned', async () => {
    const thrown = new ConnectorError('not-found', 'no such role');

    await expect(expectConnectorError(Promise.reject(thrown), ['not-found', 'invalid'])).resolves.toBe(thrown);
    await expect(expectConnectorError(Promise.reject(thrown), 'not-found')).resolves.toBe(thrown);
  });

  it('given an operation that succeeds, when checked, then the check fails', async () => {
    await expect(expectConnectorError(Promise.resolve(), 'auth')).rejects.toThrow(
      /expected a ConnectorError \(auth\), but the operation succeeded/,
    );
  });

  it('given an operation failing with another kind, when checked, then the check fails naming both', async () => {
    const attempt = expectConnectorError(Promise.reject(new ConnectorError('internal', 'boom')), 'auth');

    await expect(attempt).rejects.toThrow(/kind auth, but got internal: boom/);
  });

  it('given an operation throwing a plain error, when checked, then the check fails because connectors must throw ConnectorError', async () => {
    const attempt = expectConnectorError(Promise.reject(new TypeError('oops')), 'auth');

    await expect(attempt).rejects.toThrow(/but got TypeError: oops/);
  });
});
