import type { Connector } from '@tenure/connector-sdk';
import { LdapConnector } from './ldap-connector';
import { bindPassword, parseLdapSettings, type LdapSecrets, type LdapSettingsInput } from './ldap-settings';

/**
 * The LDAP connector for one application. Settings are validated here (an `invalid` ConnectorError
 * says what to fix); nothing is sent to the directory until the first operation.
 */
export function createLdapConnector(settings: LdapSettingsInput, secrets: LdapSecrets): Connector {
  const parsed = parseLdapSettings(settings);
  return new LdapConnector(parsed, bindPassword(parsed, secrets));
}
