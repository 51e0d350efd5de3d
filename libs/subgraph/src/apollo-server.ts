import { ApolloServer, type ApolloServerOptions, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { createErrorFormatter } from './format-error';

/** Apollo's logger interface; a pino logger satisfies it. */
export type ApolloLogger = NonNullable<ApolloServerOptions<BaseContext>['logger']>;

export interface SubgraphServerOptions {
  /** Production: no introspection, no landing page, no stack traces, internal error messages masked. */
  readonly production: boolean;
  readonly logger?: ApolloLogger;
  readonly plugins?: readonly ApolloServerPlugin<BaseContext>[];
}

/** `NODE_ENV=production` switches every subgraph and the gateway to production behaviour. */
export function isProduction(env: NodeJS.ProcessEnv = process.env): boolean {
  return env['NODE_ENV'] === 'production';
}

/** The Apollo Server every subgraph runs, so production hardening is configured once. */
export function createSubgraphServer(schema: GraphQLSchema, options: SubgraphServerOptions): ApolloServer<BaseContext> {
  return new ApolloServer<BaseContext>({
    schema,
    introspection: !options.production,
    includeStacktraceInErrorResponses: !options.production,
    formatError: createErrorFormatter({ production: options.production }),
    ...(options.logger ? { logger: options.logger } : {}),
    plugins: [
      // Federated traces (ftv1) feed Apollo Studio, which Tenure does not use; they would expose resolver timings.
      ApolloServerPluginInlineTraceDisabled(),
      ...(options.production ? [ApolloServerPluginLandingPageDisabled()] : []),
      ...(options.plugins ?? []),
    ],
  });
}
