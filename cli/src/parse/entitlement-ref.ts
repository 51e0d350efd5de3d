import { CliError, ExitCode } from '../exit-codes';

/** An entitlement as the command line names it: the application's id and the entitlement's key there. */
export interface EntitlementRef {
  readonly applicationId: string;
  readonly entitlementKey: string;
}

/**
 * `application/entitlementKey` (e.g. `aws-production/viewer`). The catalog's own id form, `application:key`, is
 * accepted too, so an id copied from `tenure catalog search --json` works. Throws a usage error otherwise.
 */
export function parseEntitlementRef(text: string): EntitlementRef {
  const value = text.trim();
  const separator = firstSeparator(value);
  const applicationId = separator > 0 ? value.slice(0, separator).trim() : '';
  const entitlementKey = separator > 0 ? value.slice(separator + 1).trim() : '';
  if (!applicationId || !entitlementKey) {
    throw new CliError(
      `"${text}" does not name an entitlement: write application/entitlement, e.g. aws-production/viewer (tenure catalog search <text> lists them)`,
      ExitCode.USAGE,
    );
  }
  return { applicationId, entitlementKey };
}

/** How the command line writes an entitlement. */
export function formatEntitlementRef(ref: EntitlementRef): string {
  return `${ref.applicationId}/${ref.entitlementKey}`;
}

// Application ids never hold "/" or ":"; keys may (LDAP group DNs, ARNs), so only the first separator counts.
function firstSeparator(value: string): number {
  const slash = value.indexOf('/');
  const colon = value.indexOf(':');
  if (slash < 0) return colon;
  if (colon < 0) return slash;
  return Math.min(slash, colon);
}
