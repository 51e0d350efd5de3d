import { ConnectorError } from '@tenure/connector-sdk';
import {
  AlreadyExistsError,
  BusyError,
  InsufficientAccessError,
  InvalidCredentialsError,
  NoSuchObjectError,
  ObjectClassViolationError,
  TimeLimitExceededError,
} from 'ldapts';
import { toConnectorError } from './ldap-errors';

describe('LDAP errors as connector errors', () => {
  it('given an LDAP result code, when mapped, then the kind says whether a retry may help', () => {
    const cases: [Error, string, boolean][] = [
      [new InvalidCredentialsError(), 'auth', false],
      [new InsufficientAccessError(), 'auth', false],
      [new NoSuchObjectError(), 'not-found', false],
      [new AlreadyExistsError(), 'conflict', false],
      [new ObjectClassViolationError(), 'invalid', false],
      [new TimeLimitExceededError(), 'timeout', true],
      [new BusyError(), 'unavailable', true],
    ];
    for (const [error, kind, retryable] of cases) {
      expect(toConnectorError(error, 'doing it')).toMatchObject({ kind, retryable, cause: error });
    }
  });

  it('given the network or the client timer failed, when mapped, then the directory is unavailable or timed out', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:389'), { code: 'ECONNREFUSED' });

    expect(toConnectorError(refused, 'binding')).toMatchObject({ kind: 'unavailable', retryable: true });
    expect(toConnectorError(new Error('Connection closed before message response was received.'), 'x')).toMatchObject({
      kind: 'unavailable',
    });
    expect(toConnectorError(new Error('SearchRequest: Operation timed out'), 'x')).toMatchObject({ kind: 'timeout', retryable: true });
    expect(toConnectorError(new Error('Connection timeout'), 'x')).toMatchObject({ kind: 'timeout' });
  });

  it('given anything else, when mapped, then it is internal and the message says what was being done', () => {
    const error = toConnectorError(new TypeError('boom'), 'granting finance to ada');

    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ kind: 'internal', message: 'granting finance to ada: boom' });
  });
});
