import { serviceConfigSchema } from '@tenure/service-runtime';

/** The policy service's environment: what every service reads, with its own default port. */
export const policyConfigSchema = serviceConfigSchema({ port: 4102 });
