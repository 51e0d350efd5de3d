import { createLdapConnector, ldapSettingsSchema } from '@tenure/connector-ldap';
import { createPostgresqlConnector, postgresqlSettingsSchema } from '@tenure/connector-postgresql';
import { createScimConnector, scimSettingsSchema } from '@tenure/connector-scim';
import type { Connector } from '@tenure/connector-sdk';
import { createSimulatedSaasConnector, simulatedSaasSettingsSchema } from '@tenure/connector-simulated';
import { z } from 'zod';
import type { Credentials } from '../application/credentials/credentials-cipher';
import type { ApplicationSettings, ConnectorType } from '../domain/application';

/** What the service knows about one kind of target: how to check its settings and how to reach it. */
export interface ConnectorTypeDefinition {
  readonly type: ConnectorType;
  /** Validates settings and fills in their defaults; secrets appear in settings by name only. */
  readonly settingsSchema: z.ZodType;
  /** The names of the credentials these (validated) settings refer to. */
  requiredCredentials(settings: ApplicationSettings): readonly string[];
  /** A connector for these settings and credentials; null for `manual`, whose operations become tasks. */
  readonly create: ((settings: ApplicationSettings, credentials: Credentials) => Connector) | null;
}

export type ConnectorTypes = Readonly<Record<ConnectorType, ConnectorTypeDefinition>>;

function hasPassword(connectionString: string | undefined): boolean {
  if (connectionString === undefined) return false;
  try {
    return new URL(connectionString).password !== '';
  } catch {
    return false; // not a URL (e.g. key=value pairs): the connector reports what is wrong with it
  }
}

function stringAt(settings: ApplicationSettings, ...path: string[]): string | undefined {
  let value: unknown = settings;
  for (const step of path) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[step] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** An entitlement a manual application offers, written by an administrator since no target lists it. */
const manualEntitlementSchema = z.strictObject({
  key: z.string().trim().min(1),
  displayName: z.string().min(1),
  description: z.string().nullable().default(null),
  /** e.g. "group", "license", "role". */
  kind: z.string().min(1).default('group'),
});

/**
 * A manual (disconnected) application: its operations become tasks for its owner, due this many
 * hours after they were opened; a leaver's sooner. There is no target to discover a catalog from,
 * so the settings list the entitlements it offers.
 */
export const manualSettingsSchema = z.strictObject({
  entitlements: z.array(manualEntitlementSchema).default([]),
  taskDueHours: z.number().positive().max(8_760).default(72),
  leaverTaskDueHours: z.number().positive().max(8_760).default(24),
});

export type ManualSettings = z.output<typeof manualSettingsSchema>;

const present = (...names: (string | undefined)[]): string[] => names.filter((name): name is string => name !== undefined);

/** Every connector type an application may use. */
export const connectorTypes: ConnectorTypes = {
  ldap: {
    type: 'ldap',
    settingsSchema: ldapSettingsSchema,
    requiredCredentials: (settings) => present(stringAt(settings, 'bindPasswordSecret')),
    create: (settings, credentials) => createLdapConnector(settings as z.input<typeof ldapSettingsSchema>, credentials),
  },
  scim: {
    type: 'scim',
    settingsSchema: scimSettingsSchema,
    requiredCredentials: (settings) => present(stringAt(settings, 'auth', 'tokenSecret'), stringAt(settings, 'auth', 'passwordSecret')),
    create: (settings, credentials) => createScimConnector(settings, credentials),
  },
  postgresql: {
    type: 'postgresql',
    // Settings are shown to administrators: a password belongs in a credential (passwordSecret), not in the URL.
    settingsSchema: postgresqlSettingsSchema.refine((settings) => !hasPassword(settings.connectionString), {
      message: 'must not contain a password: name a credential in passwordSecret instead',
      path: ['connectionString'],
    }),
    requiredCredentials: (settings) => present(stringAt(settings, 'passwordSecret')),
    create: (settings, credentials) => createPostgresqlConnector(settings, credentials),
  },
  simulated: {
    type: 'simulated',
    settingsSchema: simulatedSaasSettingsSchema,
    // A simulated application has no credentials; its data lives in this process (sharedSimulatedTargets).
    requiredCredentials: () => [],
    create: (settings) => createSimulatedSaasConnector(settings),
  },
  manual: {
    type: 'manual',
    settingsSchema: manualSettingsSchema,
    requiredCredentials: () => [],
    create: null,
  },
};
