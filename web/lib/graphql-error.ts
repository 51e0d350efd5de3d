/** One GraphQL error as the gateway returns it. */
export interface GraphqlErrorEntry {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

/**
 * A GraphQL call that failed: the first error's message and code (FORBIDDEN, BAD_USER_INPUT, NOT_FOUND...,
 * or NETWORK / HTTP_<status> when the gateway could not answer in GraphQL), and every error the gateway gave.
 */
export class GraphqlRequestError extends Error {
  override readonly name = 'GraphqlRequestError';

  constructor(
    message: string,
    readonly code: string,
    readonly errors: GraphqlErrorEntry[] = [],
  ) {
    super(message);
  }

  /** Problems an invalid input lists in `extensions.details.problems` (policy edits), else the message alone. */
  get details(): string[] {
    const problems = this.errors.flatMap((error) => {
      const details = error.extensions?.details as { problems?: { message?: unknown }[] } | undefined;
      return (details?.problems ?? [])
        .map((problem) => problem.message)
        .filter((message): message is string => typeof message === 'string');
    });
    return problems.length > 0 ? problems : [this.message];
  }
}

/** The error for a GraphQL response that carries errors. */
export function errorFromResponse(errors: GraphqlErrorEntry[]): GraphqlRequestError {
  const first = errors[0];
  const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : 'INTERNAL_SERVER_ERROR';
  return new GraphqlRequestError(first?.message ?? 'The gateway answered with an error and no message', code, errors);
}
