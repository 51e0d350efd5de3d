interface GraphqlAnswer<Data> {
  readonly data?: Data;
  readonly errors?: readonly { readonly message: string }[];
}

/**
 * Posts one GraphQL operation as a client would and returns its data; throws on a non-200 status or
 * any error in the answer, so that the load generator counts it as a failed request.
 */
export async function postGraphql<Data>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token: string | null = null,
): Promise<Data> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${text.slice(0, 300)}`);
  const answer = JSON.parse(text) as GraphqlAnswer<Data>;
  if (answer.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(answer.errors).slice(0, 300)}`);
  if (answer.data === undefined || answer.data === null) throw new Error('answer without data');
  return answer.data;
}
