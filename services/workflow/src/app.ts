import { join } from 'node:path';
import { readPackageVersion, type ServiceDefinition } from '@tenure/service-runtime';
import { AppModule } from './app.module';
import { workflowConfigSchema } from './config';
import { workflowSubgraph } from './subgraph';

/** The workflow service on the shared service runtime. */
export const workflowService: ServiceDefinition = {
  name: 'workflow',
  // This file sits one level below the service's package.json, in src/ and in dist/.
  version: readPackageVersion(join(__dirname, '..')),
  configSchema: workflowConfigSchema,
  module: AppModule,
  subgraph: workflowSubgraph,
};
