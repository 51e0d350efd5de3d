export { createScimConnector, ScimConnector } from './scim-connector';
export { scimSettingsSchema } from './scim-settings';
export type { ScimSecrets, ScimSettings, ScimSettingsInput } from './scim-settings';
