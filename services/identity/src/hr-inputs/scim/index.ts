export { createScimRouter } from './scim-router';
export type { ScimLogger, ScimRouterOptions } from './scim-router';
export { parseScimTokens } from './bearer-auth';
export * from './hr-directory';
export { CORE_USER_SCHEMA_ID, ENTERPRISE_USER_SCHEMA_ID, TENURE_HR_SCHEMA_ID } from './scim-schemas';
