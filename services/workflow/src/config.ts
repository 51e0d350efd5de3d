import { serviceConfigSchema } from '@tenure/service-runtime';

/** The workflow service's environment: what every service reads, with its own default port. */
export const workflowConfigSchema = serviceConfigSchema({ port: 4103 });
