import { join } from 'node:path';
import { readPackageVersion, type ServiceDefinition } from '@tenure/service-runtime';
import { AppModule } from './app.module';
import { policyConfigSchema } from './config';
import { policySubgraph } from './subgraph';

/** The policy service on the shared service runtime. */
export const policyService: ServiceDefinition = {
  name: 'policy',
  // This file sits one level below the service's package.json, in src/ and in dist/.
  version: readPackageVersion(join(__dirname, '..')),
  configSchema: policyConfigSchema,
  module: AppModule,
  subgraph: policySubgraph,
};
