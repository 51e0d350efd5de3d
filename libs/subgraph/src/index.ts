export * from './federation';
export * from './subgraph-definition';
export * from './build-federated-schema';
export * from './print-subgraph-sdl';
export * from './format-error';
export * from './apollo-server';
export * from './subgraph.module';
