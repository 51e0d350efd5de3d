import { errorFromResponse, GraphqlRequestError, type GraphqlErrorEntry } from './graphql-error';

const TIMEOUT_MS = 15_000;

interface GraphqlResponse<T> {
  data?: T | null;
  errors?: GraphqlErrorEntry[];
}

/**
 * POSTs one operation to `${gatewayUrl}/graphql` with the bearer token. Resolves with `data`; rejects with a
 * GraphqlRequestError: the first GraphQL error's message and code, UNAUTHENTICATED for a 401, NETWORK when the
 * gateway cannot be reached, HTTP_<status> for an answer that is not GraphQL.
 */
export async function postGraphql<T>(
  gatewayUrl: string,
  accessToken: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ query, variables }),
      cache: 'no-store',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new GraphqlRequestError(`The gateway at ${gatewayUrl} could not be reached (${reason})`, 'NETWORK');
  }

  const body = await readBody<T>(response);
  if (response.status === 401) {
    throw body?.errors?.length
      ? withCode(errorFromResponse(body.errors), 'UNAUTHENTICATED')
      : new GraphqlRequestError('The gateway did not accept the access token', 'UNAUTHENTICATED');
  }
  if (body?.errors?.length) throw errorFromResponse(body.errors);
  if (!response.ok || body?.data == null) {
    throw new GraphqlRequestError(`The gateway answered ${response.status} ${response.statusText} without data`, `HTTP_${response.status}`);
  }
  return body.data;
}

function withCode(error: GraphqlRequestError, code: string): GraphqlRequestError {
  return new GraphqlRequestError(error.message, code, error.errors);
}

async function readBody<T>(response: Response): Promise<GraphqlResponse<T> | null> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as GraphqlResponse<T>;
  } catch {
    return null;
  }
}
