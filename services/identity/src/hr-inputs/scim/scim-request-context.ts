import type { Response } from 'express';
import type { HrSource } from '../../domain/hr-record';
import type { HrDirectory } from './hr-directory';
import { scimError } from './scim-errors';
import { etagOf } from './scim-user-mapping';

/** What SCIMMY hands to the User handlers for one request (SCIMMY's `ctx`). */
export interface ScimRequestContext {
  readonly directory: HrDirectory;
  readonly source: HrSource;
  /** Versions from If-Match (without W/ and quotes), `*` for any; null without the header. */
  readonly ifMatch: readonly string[] | null;
  readonly response: Response;
  /** Where handler failures that become 500s are logged with their cause. */
  readonly logFailure: (error: unknown) => void;
  /** The version a PATCH read before SCIMMY applied its operations. */
  versionRead?: string;
  /** Set when the mass-change guard kept the change: the response becomes 202 Accepted naming the hold. */
  held?: { readonly holdId: string; readonly reasons: readonly string[] };
}

export function parseIfMatch(header: string | undefined): readonly string[] | null {
  if (header === undefined || header.trim() === '') return null;
  return header.split(',').map((tag) =>
    tag
      .trim()
      .replace(/^W\//, '')
      .replace(/^"(.*)"$/, '$1'),
  );
}

export function assertIfMatch(context: ScimRequestContext, id: string, version: string): void {
  const { ifMatch } = context;
  if (ifMatch && !ifMatch.includes('*') && !ifMatch.includes(version)) {
    throw scimError(412, null, `If-Match does not match the current version ${etagOf(version)} of user ${id}`);
  }
}

export function requestContextOf(ctx: unknown): ScimRequestContext {
  if (typeof ctx !== 'object' || ctx === null || !('directory' in ctx)) throw new Error('SCIM handler called without a request context');
  return ctx as ScimRequestContext;
}
