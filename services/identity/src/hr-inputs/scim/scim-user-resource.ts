import { isDeepStrictEqual } from 'node:util';
import SCIMMY from 'scimmy';
import { HrChangeHeld } from '../feed-guard/hr-change-held';
import type { DirectoryIdentity, HrDirectory } from './hr-directory';
import { scimError, toScimError } from './scim-errors';
import type { ScimError } from './scim-errors';
import { fromScimmyFilter } from './scim-filter';
import { assertIfMatch, requestContextOf } from './scim-request-context';
import type { ScimRequestContext } from './scim-request-context';
import { declareScimUserSchemas } from './scim-schemas';
import { assertEmployeeNumberUnchanged, etagOf, identityToScimUser, scimUserToHrRecord } from './scim-user-mapping';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 200;

/**
 * SCIMMY's User resource, paging in the directory. SCIMMY's own list path hands the whole result to
 * `ListResponse`, which re-slices a page it is given by `startIndex` whenever the page is at least
 * `startIndex` long (e.g. startIndex=2&count=2 drops the first row of the page), so listing is done
 * here and the response's paging fields are set from the directory's page.
 */
export class HrUserResource extends SCIMMY.Resources.User {
  override async read(ctx?: unknown): Promise<SCIMMY.Messages.ListResponse | SCIMMY.Schemas.User> {
    if (this.id) return super.read(ctx);
    try {
      const { directory } = requestContextOf(ctx);
      const startIndex = this.constraints?.startIndex ?? 1;
      const count = Math.min(this.constraints?.count ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
      const filter = this.filter ? fromScimmyFilter(this.filter) : null;
      const page = await directory.list({ filter, startIndex, count });
      const basepath = String(SCIMMY.Resources.User.basepath());
      const users = page.identities.map(
        (identity) => new SCIMMY.Schemas.User(identityToScimUser(identity), 'out', basepath, this.attributes),
      );
      const list = new SCIMMY.Messages.ListResponse(users, { startIndex: 1, itemsPerPage: users.length, totalResults: users.length });
      return Object.assign(list, { startIndex, itemsPerPage: users.length, totalResults: page.totalResults });
    } catch (error) {
      throw scimErrorLogged(ctx, error, false);
    }
  }
}

let declared = false;

/** Declares the User resource type once per process (SCIMMY's registry is global). */
export function declareHrUserResource(): void {
  if (declared) return;
  declareScimUserSchemas();
  SCIMMY.Resources.declare(HrUserResource, 'User');
  HrUserResource.egress((resource, ctx) => guarded(ctx, () => readUser(resource, requestContextOf(ctx))));
  HrUserResource.ingress((resource, instance, ctx) => guarded(ctx, () => writeUser(resource.id, instance, requestContextOf(ctx))));
  HrUserResource.degress((resource, ctx) => guarded(ctx, () => deleteUser(resource.id, requestContextOf(ctx))));
  declared = true;
}

async function guarded<T>(ctx: unknown, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const context = requestContextOf(ctx);
    if (error instanceof HrChangeHeld) {
      // Accepted but not applied: the router answers 202 (see scim-router.ts); SCIMMY gets the user as it still is.
      context.held = { holdId: error.holdId, reasons: error.reasons };
      const current = error.current as DirectoryIdentity | null;
      return (current ? respondWith(context, current) : undefined) as T;
    }
    throw scimErrorLogged(ctx, error, context.ifMatch !== null);
  }
}

function scimErrorLogged(ctx: unknown, error: unknown, versionWasExpected: boolean): ScimError {
  const scim = toScimError(error, versionWasExpected);
  if (scim.status >= 500) requestContextOf(ctx).logFailure(error);
  return scim;
}

async function readUser(resource: { id?: string }, context: ScimRequestContext): Promise<ScimUserBody> {
  const identity = await existing(context.directory, resource.id);
  assertIfMatch(context, identity.id, identity.version);
  context.versionRead = identity.version;
  return respondWith(context, identity);
}

/** POST (no id), PUT and the end of PATCH: the whole user becomes one HR record. */
async function writeUser(id: string | undefined, instance: unknown, context: ScimRequestContext): Promise<ScimUserBody> {
  const { directory, source } = context;
  // SCIMMY's instance serialises to the coerced SCIM JSON; mapping works on plain data.
  const { record, externalId } = scimUserToHrRecord(JSON.parse(JSON.stringify(instance)));
  if (!id) {
    const created = await directory.sync({ id: null, record, externalId, source });
    context.response.location(`${String(SCIMMY.Resources.User.basepath())}/${created.id}`);
    return respondWith(context, created);
  }
  const current = await existing(directory, id);
  assertIfMatch(context, id, current.version);
  assertEmployeeNumberUnchanged(current.record, record);
  const expectedVersion = context.versionRead ?? current.version;
  if (record.active || current.status === 'terminated') {
    return respondWith(context, await directory.sync({ id, record, externalId, expectedVersion, source }));
  }
  // Becoming inactive is a leaver: attribute changes sent along are recorded first, so none is lost.
  const stillActive = { ...record, active: true };
  const unchanged = isDeepStrictEqual(stillActive, current.record) && externalId === current.externalId;
  const latest = unchanged ? current : await directory.sync({ id, record: stillActive, externalId, expectedVersion, source });
  return respondWith(context, await directory.terminate({ id, expectedVersion: latest.version, source }));
}

async function deleteUser(id: string | undefined, context: ScimRequestContext): Promise<void> {
  const current = await existing(context.directory, id);
  assertIfMatch(context, current.id, current.version);
  if (current.status === 'terminated') return;
  await context.directory.terminate({ id: current.id, expectedVersion: current.version, source: context.source });
}

async function existing(directory: HrDirectory, id: string | undefined): Promise<DirectoryIdentity> {
  const identity = id ? await directory.get(id) : null;
  if (!identity) throw scimError(404, null, `user ${id ?? '(no id)'} not found`);
  return identity;
}

/** What SCIMMY expects handlers to return; the mapping's plain object has that shape plus extensions. */
type ScimUserBody = Omit<SCIMMY.Schemas.User, SCIMMY.Types.Resource.ShadowAttributes>;

function respondWith(context: ScimRequestContext, identity: DirectoryIdentity): ScimUserBody {
  context.response.setHeader('ETag', etagOf(identity.version));
  return identityToScimUser(identity) as unknown as ScimUserBody;
}
