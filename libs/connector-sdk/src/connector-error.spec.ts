import { asConnectorError, ConnectorError } from './connector-error';

describe('connector errors', () => {
  it('given a target that could not answer now, when it fails, then the error is retryable and keeps the wait it asked for', () => {
    const error = new ConnectorError('rate-limited', 'too many requests', { retryAfterMs: 2000 });

    expect(error).toMatchObject({ kind: 'rate-limited', retryable: true, retryAfterMs: 2000, message: 'too many requests' });
    expect(new ConnectorError('timeout', 'slow').retryable).toBe(true);
  });

  it('given a request that does not fit the target, when it fails, then a retry would not help', () => {
    for (const kind of ['auth', 'not-found', 'conflict', 'invalid', 'unsupported', 'internal'] as const) {
      expect(new ConnectorError(kind, kind).retryable).toBe(false);
    }
  });

  it('given something else thrown, when normalised, then it is an internal, non-retryable error with the cause kept', () => {
    const cause = new TypeError('undefined is not a function');

    expect(asConnectorError(cause)).toMatchObject({ kind: 'internal', retryable: false, message: 'undefined is not a function', cause });
    const known = new ConnectorError('auth', 'bad password');
    expect(asConnectorError(known)).toBe(known);
  });
});
