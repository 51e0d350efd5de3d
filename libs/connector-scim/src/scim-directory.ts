import type { z } from 'zod';
import { ConnectorError } from '@tenure/connector-sdk';
import type { Page } from '@tenure/connector-sdk';
import { isSuccess, scimFailure } from './scim-errors';
import type { ScimResponse } from './scim-errors';
import { anyOfFilter, equalsFilter } from './scim-filter';
import { readList, readResource, scimUserSchema } from './scim-resources';
import type { ScimUser } from './scim-resources';
import type { ScimRequest, ScimTransport } from './scim-transport';

/** At most this many ids in one `id eq ... or id eq ...` filter, to keep URLs short. */
const IDS_PER_LOOKUP = 50;

/** The SCIM reads and writes the connector's operations are made of. */
export class ScimDirectory {
  constructor(
    private readonly transport: ScimTransport,
    /** The largest page the server is asked for. */
    readonly maxPageSize: number,
  ) {}

  /** The answer as it is, whatever its status (for the callers that treat some errors as success). */
  exchange(request: ScimRequest): Promise<ScimResponse> {
    return this.transport.exchange(request);
  }

  /** A successful answer, or the ConnectorError for the failure. */
  async send(request: ScimRequest): Promise<ScimResponse> {
    const response = await this.transport.exchange(request);
    if (!isSuccess(response)) throw scimFailure(response, request.action);
    return response;
  }

  /** The user with exactly this userName, or null. */
  async findUser(userName: string): Promise<ScimUser | null> {
    const action = `look up user ${userName}`;
    const response = await this.send({
      method: 'GET',
      path: '/Users',
      query: { filter: equalsFilter('userName', userName), excludedAttributes: 'groups', startIndex: 1, count: 10 },
      action,
    });
    const { resources } = readList(scimUserSchema, response.body, action);
    // userName is case-insensitive in SCIM (RFC 7643 §4.1.1); prefer the exact spelling when a server returns several.
    return resources.find((user) => user.userName === userName) ?? resources[0] ?? null;
  }

  async requireUser(userName: string, action: string): Promise<ScimUser> {
    const user = await this.findUser(userName);
    if (user === null) throw new ConnectorError('not-found', `${action}: the SCIM server has no user named ${userName}`);
    return user;
  }

  /** userNames by user id, for the ids that still name a user. */
  async userNamesById(ids: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (let start = 0; start < ids.length; start += IDS_PER_LOOKUP) {
      const chunk = ids.slice(start, start + IDS_PER_LOOKUP);
      const action = `look up ${chunk.length} group member(s)`;
      const response = await this.send({
        method: 'GET',
        path: '/Users',
        query: { filter: anyOfFilter('id', chunk), attributes: 'userName', startIndex: 1, count: chunk.length },
        action,
      });
      for (const user of readList(scimUserSchema, response.body, action).resources) found.set(user.id, user.userName);
    }
    return found;
  }

  /** One page of a resource listing; the cursor is the next startIndex (1-based, RFC 7644 §3.4.2.4). */
  async listPage<S extends z.ZodType>(
    path: '/Users' | '/Groups',
    schema: S,
    cursor: string | null,
    pageSize: number,
    query: Readonly<Record<string, string>>,
  ): Promise<Page<z.output<S>>> {
    const startIndex = parseIndexCursor(cursor);
    const count = Math.max(1, Math.min(pageSize, this.maxPageSize));
    const action = `list ${path.slice(1).toLowerCase()} from ${startIndex}`;
    const response = await this.send({ method: 'GET', path, query: { ...query, startIndex, count }, action });
    const { resources, totalResults } = readList(schema, response.body, action);
    // Past the end (the listing shrank between pages) some servers repeat the first page; totalResults settles it.
    if (totalResults !== null && startIndex > totalResults) return { items: [], nextCursor: null };
    const next = startIndex + resources.length;
    const more = resources.length > 0 && (totalResults === null ? resources.length >= count : next <= totalResults);
    return { items: resources, nextCursor: more ? String(next) : null };
  }

  /** Reads the body of a write; a 204 (allowed for PATCH) is answered by reading the resource again. */
  async resourceAfterWrite<S extends z.ZodType>(response: ScimResponse, path: string, schema: S, action: string): Promise<z.output<S>> {
    if (response.body !== undefined && response.status !== 204) return readResource(schema, response.body, action);
    const reread = await this.send({ method: 'GET', path, action });
    return readResource(schema, reread.body, action);
  }
}

export function parseIndexCursor(cursor: string | null): number {
  if (cursor === null) return 1;
  if (!/^[1-9]\d*$/.test(cursor)) throw new ConnectorError('invalid', `"${cursor}" is not a cursor this SCIM connector issued`);
  return Number(cursor);
}
