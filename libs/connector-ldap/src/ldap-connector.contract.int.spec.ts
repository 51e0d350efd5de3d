import { randomBytes } from 'node:crypto';
import { describeConnectorContract } from '@tenure/connector-contract';
import { createLdapConnector } from './index';
import { createGroups, ldapSettingsFor, startSlapd } from './testing';

describeConnectorContract('LDAP against a real OpenLDAP (slapd from Debian)', async () => {
  const slapd = await startSlapd();
  const entitlementKeys = ['contract-engineering', 'contract-finance'] as const;
  await createGroups(slapd, entitlementKeys);
  const { settings, secrets } = ldapSettingsFor(slapd);
  const connector = createLdapConnector(settings, secrets);
  return {
    connector,
    entitlementKeys,
    prefix: `ct${randomBytes(4).toString('hex')}`,
    withBadCredentials: async () => createLdapConnector(settings, { [settings.bindPasswordSecret]: 'not the bind password' }),
    cleanup: async () => {
      await connector.close();
      await slapd.stop();
    },
  };
});
