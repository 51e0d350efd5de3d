import { z } from 'zod';
import { ConnectorError } from '@tenure/connector-sdk';

/** Attributes the connector writes itself; the identity id must live somewhere else. */
const ATTRIBUTES_WRITTEN = ['objectclass', 'uid', 'cn', 'sn', 'givenname', 'displayname', 'mail', 'employeenumber', 'userpassword'];

const attributeName = z.string().regex(/^[A-Za-z][A-Za-z0-9-]*$/, 'an LDAP attribute name such as "description"');

const passwordPrefixMethod = z.object({
  /**
   * Prefixes every `userPassword` value with an unknown scheme tag, which OpenLDAP never accepts
   * in a bind; enabling strips it, so the user's own password works again. Works on any OpenLDAP
   * without overlays; the bind DN must be able to read and write `userPassword`.
   */
  method: z.literal('password-prefix'),
  prefix: z
    .string()
    .regex(/^\{[A-Za-z0-9-]+\}$/, 'a scheme tag in braces, such as "{DISABLED}"')
    .default('{DISABLED}'),
});

const ppolicyMethod = z.object({
  /**
   * Sets `pwdAccountLockedTime: 000001010000Z` (locked until an administrator unlocks it); enabling
   * removes it. Needs the ppolicy overlay with `pwdLockout: TRUE` in the policy that applies.
   */
  method: z.literal('ppolicy'),
});

/** How an administrator configures an LDAP application. The bind password is referenced by secret name only. */
export const ldapSettingsSchema = z
  .object({
    /** `ldap://host:389` or `ldaps://host:636`. */
    url: z.url({ protocol: /^ldaps?$/ }),
    /** The service account the connector binds as, e.g. `cn=tenure,ou=services,dc=example,dc=com`. */
    bindDn: z.string().min(1),
    /** Name of the secret that holds the bind password. */
    bindPasswordSecret: z.string().min(1),
    /** Accounts are the `inetOrgPerson` entries `uid=<userName>,<usersBase>`. */
    usersBase: z.string().min(1),
    /** Entitlements are the `groupOfNames` entries `cn=<key>,<groupsBase>`. */
    groupsBase: z.string().min(1),
    /** Where Tenure keeps its identity id on the account; the attribute belongs to Tenure. */
    identityIdAttribute: attributeName.default('description'),
    /**
     * The member a group keeps when its last real member is revoked (`groupOfNames` requires one).
     * Default: the groups base itself, an entry that exists and is nobody's account.
     */
    emptyGroupMember: z.string().min(1).optional(),
    disable: z
      .discriminatedUnion('method', [passwordPrefixMethod, ppolicyMethod])
      .default({ method: 'password-prefix', prefix: '{DISABLED}' }),
    /** Per LDAP request; a request that takes longer is a `timeout` and its connection is dropped. */
    operationTimeoutMs: z.number().int().positive().default(10_000),
    connectTimeoutMs: z.number().int().positive().default(5_000),
    /** A listing not continued for this long is closed; its cursor is then refused as expired. */
    listingIdleTimeoutMs: z.number().int().positive().default(300_000),
    /** Listings open at once (each holds a connection); opening one more closes the least recently used. */
    maxOpenListings: z.number().int().min(1).max(100).default(8),
  })
  .refine((settings) => !ATTRIBUTES_WRITTEN.includes(settings.identityIdAttribute.toLowerCase()), {
    path: ['identityIdAttribute'],
    message: 'must be an attribute the connector does not already write (e.g. description or employeeType)',
  });

export type LdapSettingsInput = z.input<typeof ldapSettingsSchema>;
export type LdapSettings = z.output<typeof ldapSettingsSchema>;
export type DisableMethod = LdapSettings['disable'];

/** Secret values by name, decrypted by the caller; the connector reads only the name its settings give. */
export type LdapSecrets = Readonly<Record<string, string>>;

/** Validated settings; a bad configuration is an `invalid` ConnectorError that says what to fix. */
export function parseLdapSettings(settings: unknown): LdapSettings {
  const parsed = ldapSettingsSchema.safeParse(settings);
  if (!parsed.success) {
    throw new ConnectorError('invalid', `the LDAP connector settings are not valid: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

export function bindPassword(settings: LdapSettings, secrets: LdapSecrets): string {
  const value = secrets[settings.bindPasswordSecret];
  if (value === undefined || value === '') {
    throw new ConnectorError('invalid', `the LDAP connector needs the secret "${settings.bindPasswordSecret}", which is not configured`);
  }
  return value;
}
