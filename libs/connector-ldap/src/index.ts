export { createLdapConnector } from './create-ldap-connector';
export { LdapConnector } from './ldap-connector';
export {
  ldapSettingsSchema,
  parseLdapSettings,
  type LdapSecrets,
  type LdapSettings,
  type LdapSettingsInput,
  type DisableMethod,
} from './ldap-settings';
export { escapeDnValue } from './dn';
