import { isKnownToken } from '@tenure/service-runtime';

/** A client application (the Slack app) that acts in Tenure for the person using it, never as itself. */
export interface IntegrationToken {
  /** Logged with every request the integration makes; the token never is. */
  readonly name: string;
  readonly token: string;
}

export const INTEGRATION_TOKEN_MIN_LENGTH = 32;
const NAME = /^[a-z0-9][a-z0-9_-]*$/i;

/** The header an integration names the person it acts for with, on every request. */
export const ACT_AS_EMAIL_HEADER = 'x-tenure-act-as-email';
/** The header the gateway answers with: the employee number of the person the integration acted as. */
export const ACTING_AS_HEADER = 'x-tenure-acting-as';

/**
 * INTEGRATION_TOKENS: comma-separated `name:token` pairs. Returns one sentence per problem (never the
 * token itself), so a bad value stops the gateway at start.
 */
export function integrationTokenProblems(configured: string | undefined): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  entries(configured).forEach((entry, index) => {
    const separator = entry.indexOf(':');
    const name = separator > 0 ? entry.slice(0, separator).trim() : '';
    const token = separator > 0 ? entry.slice(separator + 1).trim() : '';
    if (!NAME.test(name)) {
      problems.push(`entry ${index + 1} must be name:token, the name made of letters, digits, - and _`);
    } else if (names.has(name)) {
      problems.push(`the integration name "${name}" is given twice`);
    } else if (token.length < INTEGRATION_TOKEN_MIN_LENGTH) {
      problems.push(`the token of integration "${name}" must be at least ${INTEGRATION_TOKEN_MIN_LENGTH} characters`);
    }
    names.add(name);
  });
  return problems;
}

/** Parses INTEGRATION_TOKENS (validated at start by `integrationTokenProblems`). */
export function parseIntegrationTokens(configured: string | undefined): IntegrationToken[] {
  return entries(configured).map((entry) => {
    const separator = entry.indexOf(':');
    return { name: entry.slice(0, separator).trim(), token: entry.slice(separator + 1).trim() };
  });
}

/** The integration a presented bearer token belongs to, compared in constant time (like the administrator tokens). */
export function integrationOf(presented: string, integrations: readonly IntegrationToken[]): IntegrationToken | undefined {
  let found: IntegrationToken | undefined;
  for (const integration of integrations) {
    if (isKnownToken(presented, [integration.token])) found = integration;
  }
  return found;
}

function entries(configured: string | undefined): string[] {
  return (configured ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}
