import { serviceConfigSchema } from '@tenure/service-runtime';

/** The identity service's environment: what every service reads, with its own default port. */
export const identityConfigSchema = serviceConfigSchema({ port: 4101 });
