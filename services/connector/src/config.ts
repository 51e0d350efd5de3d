import { serviceConfigSchema } from '@tenure/service-runtime';

/** The connector service's environment: what every service reads, with its own default port. */
export const connectorConfigSchema = serviceConfigSchema({ port: 4104 });
