import { ConnectorError } from '@tenure/connector-sdk';
import { postgresqlError } from './postgresql-errors';

const pgError = (code: string, message = 'boom', detail?: string) =>
  Object.assign(new Error(message), { code, ...(detail ? { detail } : {}) });

describe('PostgreSQL errors as connector errors', () => {
  it.each([
    ['28P01', 'auth'],
    ['28000', 'auth'],
    ['42501', 'auth'],
    ['57014', 'timeout'],
    ['42704', 'not-found'],
    ['42710', 'conflict'],
    ['2BP01', 'conflict'],
    ['3D000', 'invalid'],
    ['22023', 'invalid'],
    ['40001', 'unavailable'],
    ['40P01', 'unavailable'],
    ['53300', 'unavailable'],
    ['57P01', 'unavailable'],
    ['57P03', 'unavailable'],
    ['08006', 'unavailable'],
    ['ECONNREFUSED', 'unavailable'],
    ['ECONNRESET', 'unavailable'],
    ['ETIMEDOUT', 'timeout'],
    ['42601', 'internal'],
  ])('given SQLSTATE or network code %s, when mapped, then the kind is %s', (code, kind) => {
    expect(postgresqlError(pgError(code), 'doing it')).toMatchObject({ kind });
  });

  it('given an error, when mapped, then the message says what was being done, what failed and the server detail, and keeps the cause', () => {
    const cause = pgError('2BP01', 'role "x" cannot be dropped', 'owner of table t');

    const error = postgresqlError(cause, 'deleting account x');

    expect(error.message).toBe('PostgreSQL: deleting account x failed: role "x" cannot be dropped (owner of table t)');
    expect(error.cause).toBe(cause);
    expect(error.retryable).toBe(false);
  });

  it("given pg's own connection messages without a code, when mapped, then timeouts and lost connections are retryable", () => {
    expect(postgresqlError(new Error('timeout expired'), 'x')).toMatchObject({ kind: 'timeout', retryable: true });
    expect(postgresqlError(new Error('Connection terminated unexpectedly'), 'x')).toMatchObject({ kind: 'unavailable', retryable: true });
  });

  it('given connection attempts to several addresses all refused, when mapped, then the code inside counts', () => {
    expect(postgresqlError(new AggregateError([pgError('ECONNREFUSED')], ''), 'x')).toMatchObject({ kind: 'unavailable' });
  });

  it('given a ConnectorError, when mapped, then it passes unchanged', () => {
    const known = new ConnectorError('not-found', 'no account');
    expect(postgresqlError(known, 'x')).toBe(known);
  });
});
