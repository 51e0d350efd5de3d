import { join } from 'node:path';
import { readPackageVersion, type ServiceDefinition } from '@tenure/service-runtime';
import { AppModule } from './app.module';
import { identityConfigSchema } from './config';
import { identitySubgraph } from './subgraph';

/** The identity service on the shared service runtime. */
export const identityService: ServiceDefinition = {
  name: 'identity',
  // This file sits one level below the service's package.json, in src/ and in dist/.
  version: readPackageVersion(join(__dirname, '..')),
  configSchema: identityConfigSchema,
  module: AppModule,
  subgraph: identitySubgraph,
};
