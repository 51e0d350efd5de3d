import { join } from 'node:path';
import { readPackageVersion, type ServiceDefinition } from '@tenure/service-runtime';
import { AppModule } from './app.module';
import { connectorConfigSchema } from './config';
import { connectorSubgraph } from './subgraph';

/** The connector service on the shared service runtime. */
export const connectorService: ServiceDefinition = {
  name: 'connector',
  // This file sits one level below the service's package.json, in src/ and in dist/.
  version: readPackageVersion(join(__dirname, '..')),
  configSchema: connectorConfigSchema,
  module: AppModule,
  subgraph: connectorSubgraph,
};
