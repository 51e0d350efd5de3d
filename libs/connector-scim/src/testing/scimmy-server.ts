import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import { SCIMMY, SCIMMYRouters } from 'scimmy-routers';

/**
 * TEST FIXTURE. A SCIM 2.0 server made of third-party code from the npm registry: SCIMMY 1.3.5
 * (the SCIM protocol: schemas, filters, PATCH with value paths, list responses, errors) and
 * scimmy-routers 1.3.2 (the HTTP endpoints, on Express 5). SCIMMY leaves storage to its user, so
 * this file gives it the smallest one: resources as JSON in a Map, `userName` and group
 * `displayName` unique. It does not interpret SCIM itself: filters are SCIMMY's `Filter.match`,
 * PATCH is SCIMMY's `PatchOp`, paging is SCIMMY's `ListResponse`.
 */
export interface ScimmyServer {
  /** The SCIM service root, e.g. http://127.0.0.1:PORT/scim/v2. */
  readonly baseUrl: string;
  readonly token: string;
  readonly basicUser: { readonly username: string; readonly password: string };
  /** Creates a group as the application's own administrator would (not through the connector). */
  createGroup(displayName: string): Promise<string>;
  /** The users as the server stores them, to check outcomes in the target itself. */
  storedUsers(): readonly StoredResource[];
  storedGroup(id: string): StoredResource | undefined;
  close(): Promise<void>;
}

export type StoredResource = Readonly<Record<string, unknown>> & { readonly id: string };

export interface ScimmyServerOptions {
  /**
   * Keep each group member once, as RFC 7644 §3.5.2.1 asks of an `add` whose value is already there
   * ("no changes SHOULD be made"), and as commercial SCIM servers do. Off by default: SCIMMY appends
   * the value again, and the connector's own tests keep that, to prove it asks before it adds. On for
   * the crash suite's SaaS, where an `add` sent by a process killed mid-request can still land after
   * the instance taking over has asked and added: no client can prevent that without an idempotency
   * key, which SCIM does not have.
   */
  readonly uniqueMembers?: boolean;
}

interface HandledResource {
  readonly id?: string;
  readonly filter?: { match(values: readonly object[]): object[] };
}

/** One store per resource type; SCIMMY's registry is global to the module, so one server per test file. */
class MemoryStore {
  private readonly records = new Map<string, StoredResource>();

  constructor(
    private readonly typeName: string,
    private readonly uniqueAttribute: string,
    /** Applied to every resource written (e.g. to keep each group member once). */
    private readonly normalise: (data: Record<string, unknown>) => Record<string, unknown> = (data) => data,
  ) {}

  all(): StoredResource[] {
    return [...this.records.values()];
  }

  get(id: string): StoredResource | undefined {
    return this.records.get(id);
  }

  read(resource: HandledResource): StoredResource | object[] {
    if (resource.id !== undefined) return this.existing(resource.id);
    return resource.filter ? resource.filter.match(this.all()) : this.all();
  }

  write(resource: HandledResource, instance: object): StoredResource {
    const data = this.normalise(JSON.parse(JSON.stringify(instance)) as Record<string, unknown>);
    const previous = resource.id === undefined ? undefined : this.existing(resource.id);
    const unique = String(data[this.uniqueAttribute] ?? '').toLowerCase();
    const clash = this.all().find((record) => String(record[this.uniqueAttribute]).toLowerCase() === unique && record.id !== resource.id);
    if (clash) throw scimError(409, 'uniqueness', `${this.typeName} ${this.uniqueAttribute} is already taken`);
    const now = new Date().toISOString();
    const id = previous?.id ?? randomUUID();
    const meta = { created: (previous?.meta as { created?: string } | undefined)?.created ?? now, lastModified: now };
    const record: StoredResource = { ...data, id, meta };
    this.records.set(id, record);
    return record;
  }

  dispose(resource: HandledResource): void {
    if (resource.id === undefined || !this.records.delete(resource.id)) {
      throw scimError(404, null, `${this.typeName} ${resource.id} not found`);
    }
  }

  private existing(id: string): StoredResource {
    const record = this.records.get(id);
    if (!record) throw scimError(404, null, `${this.typeName} ${id} not found`);
    return record;
  }
}

let running = false;

export async function startScimmyServer(options: ScimmyServerOptions = {}): Promise<ScimmyServer> {
  if (running) throw new Error('one SCIMMY server per test file: SCIMMY keeps its resource types in a global registry');
  running = true;
  const token = `scim-test-${randomUUID()}`;
  const basicUser = { username: 'tenure', password: `pw-${randomUUID()}` };
  const users = new MemoryStore('User', 'userName');
  const groups = new MemoryStore('Group', 'displayName', options.uniqueMembers ? withUniqueMembers : undefined);
  declareUsers(users);
  declareGroups(groups);

  const app = express();
  app.use(pinQueryForScimmyRouters);
  app.use(
    '/scim/v2',
    new SCIMMYRouters({
      type: 'bearer',
      handler: (req: Request) => {
        const presented = req.header('authorization');
        const basic = `Basic ${Buffer.from(`${basicUser.username}:${basicUser.password}`).toString('base64')}`;
        if (presented !== `Bearer ${token}` && presented !== basic) throw new Error('Unknown credentials');
        return 'tenure-connector';
      },
    }),
  );
  const server = await listen(app);
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/scim/v2`;

  return {
    baseUrl,
    token,
    basicUser,
    async createGroup(displayName) {
      const response = await fetch(`${baseUrl}/Groups`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
        body: JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName }),
      });
      const body = (await response.json()) as { id?: string };
      if (response.status !== 201 || typeof body.id !== 'string')
        throw new Error(`could not seed group ${displayName}: ${response.status}`);
      return body.id;
    },
    storedUsers: () => users.all(),
    storedGroup: (id) => groups.get(id),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      running = false;
    },
  };
}

function declareUsers(store: MemoryStore): void {
  SCIMMY.Resources.declare(SCIMMY.Resources.User.extend(SCIMMY.Schemas.EnterpriseUser, false))
    .egress((resource: HandledResource) => store.read(resource) as never)
    .ingress((resource: HandledResource, instance: object) => store.write(resource, instance) as never)
    .degress((resource: HandledResource) => store.dispose(resource));
}

function declareGroups(store: MemoryStore): void {
  SCIMMY.Resources.declare(SCIMMY.Resources.Group)
    .egress((resource: HandledResource) => store.read(resource) as never)
    .ingress((resource: HandledResource, instance: object) => store.write(resource, instance) as never)
    .degress((resource: HandledResource) => store.dispose(resource));
}

function withUniqueMembers(group: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(group['members'])) return group;
  const seen = new Set<string>();
  const members = (group['members'] as { value?: string }[]).filter((member) => {
    const value = String(member.value);
    if (seen.has(value)) return false;
    seen.add(value);
    return true;
  });
  return { ...group, members };
}

/** SCIMMY's typings ask for a string scimType; at run time null means "none", as for 404. */
function scimError(status: number, scimType: string | null, detail: string): Error {
  return new SCIMMY.Types.Error(status, scimType as string, detail);
}

/**
 * Express 5 computes `req.query` anew on each access, so scimmy-routers' in-place conversion of
 * startIndex and count to numbers (written for Express 4) would be lost and SCIMMY would ignore
 * paging. Give the request one fixed query object with those two as numbers.
 */
function pinQueryForScimmyRouters(req: Request, _res: Response, next: NextFunction): void {
  const query: Record<string, unknown> = { ...req.query };
  for (const name of ['startIndex', 'count']) {
    const value = query[name];
    if (typeof value === 'string' && /^\d+$/.test(value)) query[name] = Number(value);
  }
  Object.defineProperty(req, 'query', { value: query, writable: true, configurable: true, enumerable: true });
  next();
}

function listen(app: express.Express): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(0, '127.0.0.1', (error?: Error) => (error ? reject(error) : resolve(server)));
  });
}
