// Formatting the shared lib/format.ts does not cover: run timings, shares and entitlement ids.

/** A duration in the largest units that keep it readable: "850 ms", "8.8 s", "4 min 12 s", "3 h 5 min", "2 d 4 h". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** "42 %" for a share between 0 and 1. */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** "application:key", how policy and the catalog name one entitlement. */
export function entitlementId(applicationId: string, entitlementKey: string): string {
  return `${applicationId}:${entitlementKey}`;
}

const CONNECTOR_TYPES: Record<string, string> = {
  POSTGRESQL: 'PostgreSQL',
  LDAP: 'LDAP',
  SCIM: 'SCIM 2.0',
  SIMULATED: 'Simulated',
  MANUAL: 'Manual',
};

/** How people name a connector type: "PostgreSQL", "SCIM 2.0". */
export function connectorTypeLabel(type: string): string {
  return CONNECTOR_TYPES[type] ?? type;
}
