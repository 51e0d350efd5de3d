/** An error answer in the shape the client of a path expects. */
export interface ErrorAnswer {
  readonly contentType: string;
  readonly body: string;
}

export type ErrorBody = (status: number, detail: string) => ErrorAnswer;

/** RFC 7644 §3.12, for /scim/v2. */
export const scimErrorBody: ErrorBody = (status, detail) => ({
  contentType: 'application/scim+json',
  body: JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: String(status), detail }),
});

/** The HR webhook's own error shape, for /hr. */
export const webhookErrorBody: ErrorBody = (status, detail) => ({
  contentType: 'application/json',
  body: JSON.stringify({ error: { status, message: detail } }),
});

/** The shape of a GraphQL response with errors only, with a machine-readable code, for /graphql. */
export function graphqlErrorBody(code: string): ErrorBody {
  return (_status, detail) => ({
    contentType: 'application/json',
    body: JSON.stringify({ errors: [{ message: detail, extensions: { code } }] }),
  });
}
