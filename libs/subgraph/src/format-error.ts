import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError, type ErrorCode } from '@tenure/event-sourcing';
import type { GraphQLFormattedError } from 'graphql';

/** How each domain error code reaches GraphQL clients, as `extensions.code`. */
export const GRAPHQL_ERROR_CODES: Readonly<Record<ErrorCode, string>> = {
  validation: 'BAD_USER_INPUT',
  not_found: 'NOT_FOUND',
  forbidden: 'FORBIDDEN',
  illegal_state: 'FAILED_PRECONDITION',
  conflict: 'CONFLICT',
};

const INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR';

export type ErrorFormatter = (formattedError: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * The single mapper from thrown errors to GraphQL errors for every subgraph: domain errors keep
 * their message and details and get their code; in production, unexpected errors lose their
 * message so internals (SQL, hostnames) never reach a client. Apollo itself drops stack traces
 * when `includeStacktraceInErrorResponses` is off.
 */
export function createErrorFormatter(options: { readonly production: boolean }): ErrorFormatter {
  return (formattedError, error) => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      return {
        ...formattedError,
        message: original.message,
        extensions: {
          ...formattedError.extensions,
          code: GRAPHQL_ERROR_CODES[original.code],
          ...(Object.keys(original.details).length > 0 ? { details: original.details } : {}),
        },
      };
    }
    if (options.production && formattedError.extensions?.['code'] === INTERNAL_SERVER_ERROR) {
      const { locations, path } = formattedError;
      return {
        message: 'Internal server error',
        ...(locations ? { locations } : {}),
        ...(path ? { path } : {}),
        extensions: { code: INTERNAL_SERVER_ERROR },
      };
    }
    return formattedError;
  };
}
