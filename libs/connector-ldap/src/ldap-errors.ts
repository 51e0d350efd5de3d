import { ConnectorError, type ConnectorErrorKind } from '@tenure/connector-sdk';
import { ResultCodeError } from 'ldapts';

/** LDAP result codes (RFC 4511) the connector looks at by name. */
export const LdapResult = {
  timeLimitExceeded: 3,
  noSuchAttribute: 16,
  typeOrValueExists: 20,
  noSuchObject: 32,
  invalidCredentials: 49,
  objectClassViolation: 65,
  entryAlreadyExists: 68,
} as const;

const KIND_BY_RESULT_CODE: ReadonlyMap<number, ConnectorErrorKind> = new Map<number, ConnectorErrorKind>([
  [LdapResult.timeLimitExceeded, 'timeout'],
  [4, 'invalid'], // sizeLimitExceeded
  [7, 'unsupported'], // authMethodNotSupported
  [8, 'auth'], // strongAuthRequired
  [11, 'unavailable'], // adminLimitExceeded
  [12, 'unsupported'], // unavailableCriticalExtension
  [13, 'auth'], // confidentialityRequired
  [LdapResult.noSuchAttribute, 'invalid'],
  [17, 'invalid'], // undefinedAttributeType
  [18, 'invalid'], // inappropriateMatching
  [19, 'invalid'], // constraintViolation
  [LdapResult.typeOrValueExists, 'conflict'],
  [21, 'invalid'], // invalidAttributeSyntax
  [LdapResult.noSuchObject, 'not-found'],
  [34, 'invalid'], // invalidDNSyntax
  [48, 'auth'], // inappropriateAuthentication
  [LdapResult.invalidCredentials, 'auth'],
  [50, 'auth'], // insufficientAccessRights
  [51, 'unavailable'], // busy
  [52, 'unavailable'], // unavailable
  [53, 'invalid'], // unwillingToPerform
  [64, 'invalid'], // namingViolation
  [LdapResult.objectClassViolation, 'invalid'],
  [66, 'invalid'], // notAllowedOnNonLeaf
  [67, 'invalid'], // notAllowedOnRDN
  [LdapResult.entryAlreadyExists, 'conflict'],
  [69, 'invalid'], // objectClassModsProhibited
]);

const NETWORK_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

/** ldapts reports lost connections and client-side timeouts as plain Errors; these are their messages. */
const CONNECTION_LOST = /Socket error|Connection closed|Socket connection not established/;
const TIMED_OUT = /Operation timed out|Connection timeout/;

/** The LDAP result code of an error ldapts threw, or null when it was not an LDAP answer. */
export function ldapResultCode(error: unknown): number | null {
  return error instanceof ResultCodeError ? error.code : null;
}

export function isLdapResult(error: unknown, code: number): boolean {
  return ldapResultCode(error) === code;
}

/** Anything thrown while talking to the directory, as a ConnectorError that says what went wrong where. */
export function toConnectorError(error: unknown, doing: string): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const code = ldapResultCode(error);
  const message = error instanceof Error ? error.message.trim() : String(error);
  if (code !== null) {
    const kind = KIND_BY_RESULT_CODE.get(code) ?? 'internal';
    return new ConnectorError(kind, `${doing}: LDAP result ${code} (${message || 'no message'})`, { cause: error });
  }
  const systemCode = (error as { code?: unknown } | null)?.code;
  if ((typeof systemCode === 'string' && NETWORK_ERROR_CODES.has(systemCode)) || CONNECTION_LOST.test(message)) {
    return new ConnectorError('unavailable', `${doing}: the directory could not be reached (${message})`, { cause: error });
  }
  if (systemCode === 'ETIMEDOUT' || TIMED_OUT.test(message)) {
    return new ConnectorError('timeout', `${doing}: the directory did not answer in time (${message})`, { cause: error });
  }
  return new ConnectorError('internal', `${doing}: ${message}`, { cause: error });
}
