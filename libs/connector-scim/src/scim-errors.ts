import { ConnectorError } from '@tenure/connector-sdk';

/** A finished HTTP exchange with the SCIM server (after any rate-limit retries). */
export interface ScimResponse {
  readonly status: number;
  readonly body: unknown;
  /** The wait the server asked for, when it sent Retry-After. */
  readonly retryAfterMs: number | null;
}

export interface ScimErrorDetail {
  /** RFC 7644 §3.12 scimType, e.g. uniqueness, noTarget, invalidFilter. */
  readonly scimType: string | null;
  readonly detail: string | null;
}

export function isSuccess(response: ScimResponse): boolean {
  return response.status >= 200 && response.status < 300;
}

/** The SCIM error body's scimType and detail, when the server sent one. */
export function scimErrorDetail(response: ScimResponse): ScimErrorDetail {
  const body = response.body;
  if (typeof body !== 'object' || body === null) {
    return { scimType: null, detail: typeof body === 'string' && body.length > 0 ? body.slice(0, 300) : null };
  }
  const { scimType, detail } = body as { scimType?: unknown; detail?: unknown };
  return {
    scimType: typeof scimType === 'string' ? scimType : null,
    detail: typeof detail === 'string' ? detail : null,
  };
}

/**
 * The ConnectorError for a SCIM error answer. `action` says what was attempted ("create user
 * alice"); messages carry the server's SCIM detail (with secrets already removed by the transport).
 */
export function scimFailure(response: ScimResponse, action: string): ConnectorError {
  const { scimType, detail } = scimErrorDetail(response);
  const said = [scimType, detail].filter((part) => part !== null).join(': ');
  const because = said.length > 0 ? ` (${said})` : '';
  const status = response.status;
  if (status === 400) return new ConnectorError('invalid', `${action}: the SCIM server rejected the request with 400${because}`);
  if (status === 401 || status === 403) {
    return new ConnectorError('auth', `${action}: the SCIM server refused the configured credentials with ${status}${because}`);
  }
  if (status === 404) return new ConnectorError('not-found', `${action}: the SCIM server answered 404${because}`);
  if (status === 409 || status === 412) return new ConnectorError('conflict', `${action}: the SCIM server answered ${status}${because}`);
  if (status === 405 || status === 501) {
    return new ConnectorError('unsupported', `${action}: the SCIM server does not support this request (${status})${because}`);
  }
  if (status >= 500) {
    return new ConnectorError('unavailable', `${action}: the SCIM server failed with ${status}${because}`, {
      retryAfterMs: response.retryAfterMs,
    });
  }
  if (status >= 400) return new ConnectorError('invalid', `${action}: the SCIM server rejected the request with ${status}${because}`);
  return new ConnectorError('internal', `${action}: unexpected answer ${status} from the SCIM server`);
}
