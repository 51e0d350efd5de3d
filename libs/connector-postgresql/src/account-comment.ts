import { escapeLiteral } from 'pg';
import type { AccountSpec } from '@tenure/connector-sdk';

/** What Tenure keeps about an account in `COMMENT ON ROLE`, which is cluster-wide like the role. */
export type AccountAttributes = Omit<AccountSpec, 'userName'>;

/** The comment starts with this, so SQL can tell Tenure's accounts (even disabled, NOLOGIN ones) from group roles. */
export const COMMENT_MARKER = '{"tenure":';

const ATTRIBUTES = ['identityId', 'employeeNumber', 'email', 'displayName', 'givenName', 'familyName'] as const;

export function encodeAccountComment(attributes: Partial<AccountAttributes>): string {
  const tenure: Partial<Record<keyof AccountAttributes, string>> = {};
  for (const key of ATTRIBUTES) if (attributes[key] !== undefined) tenure[key] = attributes[key];
  return JSON.stringify({ tenure });
}

/** The comment as a SQL literal for `COMMENT ON ROLE ... IS <literal>`. */
export function accountCommentLiteral(attributes: Partial<AccountAttributes>): string {
  return escapeLiteral(encodeAccountComment(attributes));
}

/** The attributes in a role's comment; empty when the comment is missing or not Tenure's (a role made by hand). */
export function decodeAccountComment(comment: string | null): Partial<AccountAttributes> {
  if (comment === null || !comment.startsWith(COMMENT_MARKER)) return {};
  try {
    const parsed: unknown = JSON.parse(comment);
    const tenure = typeof parsed === 'object' && parsed !== null && 'tenure' in parsed ? parsed.tenure : null;
    if (typeof tenure !== 'object' || tenure === null) return {};
    const attributes: Partial<Record<keyof AccountAttributes, string>> = {};
    for (const key of ATTRIBUTES) {
      const value = (tenure as Record<string, unknown>)[key];
      if (typeof value === 'string') attributes[key] = value;
    }
    return attributes;
  } catch {
    return {};
  }
}
