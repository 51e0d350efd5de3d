import type { ApolloServer, BaseContext } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { type DynamicModule, Inject, type MiddlewareConsumer, Module, type NestModule, type OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { type ApolloLogger, createSubgraphServer } from './apollo-server';
import { buildFederatedSchema } from './build-federated-schema';
import type { SubgraphDefinition } from './subgraph-definition';

export interface SubgraphModuleOptions {
  readonly definition: SubgraphDefinition;
  readonly production: boolean;
  readonly logger?: ApolloLogger;
  /** Where the subgraph is served; `/graphql` unless told otherwise. */
  readonly path?: string;
}

const SUBGRAPH_MODULE_OPTIONS = Symbol('SUBGRAPH_MODULE_OPTIONS');

/**
 * Serves a federated subgraph from a Nest application on Express 5: resolvers are Nest
 * providers (resolved through the module graph, so they get their dependencies injected),
 * Apollo Server starts while Nest initialises and stops when the application shuts down.
 * Nest's JSON body parser (and its size limit) runs before this middleware.
 */
@Module({})
export class SubgraphModule implements NestModule, OnApplicationShutdown {
  private server: ApolloServer<BaseContext> | undefined;

  static forRoot(options: SubgraphModuleOptions): DynamicModule {
    return { module: SubgraphModule, providers: [{ provide: SUBGRAPH_MODULE_OPTIONS, useValue: options }] };
  }

  constructor(
    @Inject(SUBGRAPH_MODULE_OPTIONS) private readonly options: SubgraphModuleOptions,
    private readonly moduleRef: ModuleRef,
  ) {}

  async configure(consumer: MiddlewareConsumer): Promise<void> {
    const schema = await buildFederatedSchema(this.options.definition, {
      get: (resolverClass: Function) => this.moduleRef.get(resolverClass, { strict: false }),
    });
    const server = createSubgraphServer(schema, {
      production: this.options.production,
      ...(this.options.logger ? { logger: this.options.logger } : {}),
    });
    await server.start();
    this.server = server;
    consumer.apply(expressMiddleware(server)).forRoutes(this.options.path ?? '/graphql');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.server?.stop();
  }
}
