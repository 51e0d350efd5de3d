import { registerEnumType } from 'type-graphql';

// GraphQL names for the domain's string unions; each value is the domain's own string, so inputs
// pass through unchanged and outputs need no translation.

export enum ConnectorTypeName {
  POSTGRESQL = 'postgresql',
  LDAP = 'ldap',
  SCIM = 'scim',
  SIMULATED = 'simulated',
  MANUAL = 'manual',
}

registerEnumType(ConnectorTypeName, {
  name: 'ConnectorType',
  description: 'How Tenure reaches an application.',
  valuesConfig: {
    POSTGRESQL: { description: 'A PostgreSQL database: login roles are accounts, group roles entitlements.' },
    LDAP: { description: 'An LDAP directory: inetOrgPerson users, groupOfNames groups.' },
    SCIM: { description: 'A SaaS application that speaks SCIM 2.0.' },
    SIMULATED: { description: 'A simulated SaaS application, for demos and benchmarks.' },
    MANUAL: { description: 'No connector: each operation becomes a task for the application owner.' },
  },
});

/** The same enum as the policy subgraph's (identical in both, as composition requires). */
export enum RiskLevel {
  LOW = 'low',
  MEDIUM = 'medium',
  HIGH = 'high',
  CRITICAL = 'critical',
}

registerEnumType(RiskLevel, { name: 'RiskLevel', description: 'How much harm misuse of an access could do, from low to critical.' });

export enum ConnectorErrorKind {
  UNAVAILABLE = 'unavailable',
  TIMEOUT = 'timeout',
  RATE_LIMITED = 'rate-limited',
  AUTH = 'auth',
  NOT_FOUND = 'not-found',
  CONFLICT = 'conflict',
  INVALID = 'invalid',
  UNSUPPORTED = 'unsupported',
  INTERNAL = 'internal',
}

registerEnumType(ConnectorErrorKind, {
  name: 'ConnectorErrorKind',
  description: 'Why a target system refused or failed, as connectors report it.',
});
