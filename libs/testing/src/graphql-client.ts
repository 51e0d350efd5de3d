/** What a GraphQL server answers: data, and errors with their extensions (code, problems...). */
export interface GraphqlAnswer<Data> {
  readonly data?: Data;
  readonly errors?: readonly {
    readonly message: string;
    readonly extensions?: { readonly code?: string; readonly [key: string]: unknown };
  }[];
}

/**
 * Posts one GraphQL operation to `${origin}/graphql` as a client would, with `Authorization:
 * Bearer <token>` when a token is given. For tests of a service or the gateway over real HTTP.
 */
export async function postGraphql<Data>(
  origin: string,
  query: string,
  variables: Record<string, unknown> = {},
  token: string | null = null,
): Promise<GraphqlAnswer<Data>> {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphqlAnswer<Data>;
}
