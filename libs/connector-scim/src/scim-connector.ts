import { ConnectorError, FULL_CAPABILITIES } from '@tenure/connector-sdk';
import type { AccountChanges, AccountSpec, Connector, Page, TargetAccount, TargetEntitlement, TargetGrant } from '@tenure/connector-sdk';
import { ScimDirectory } from './scim-directory';
import { isSuccess, scimErrorDetail, scimFailure } from './scim-errors';
import { equalsFilter, memberPath } from './scim-filter';
import { listGrantsPage } from './scim-grant-listing';
import { patchOp, readList, readResource, scimGroupSchema, scimUserSchema } from './scim-resources';
import type { ScimPatchOperation, ScimUser } from './scim-resources';
import { parseScimSettings, resolveCredentials } from './scim-settings';
import type { ScimSecrets } from './scim-settings';
import { ScimTransport } from './scim-transport';
import { alignOperations, changeOperations, toTargetAccount, toTargetEntitlement, userResource } from './scim-user-mapping';

/**
 * A SCIM 2.0 application (RFC 7643/7644). `settings` is validated (see `scimSettingsSchema`);
 * `secrets` holds the decrypted values its auth settings name. Throws ConnectorError `invalid`
 * for a bad configuration.
 */
export function createScimConnector(settings: unknown, secrets: ScimSecrets): Connector {
  const parsed = parseScimSettings(settings);
  const credentials = resolveCredentials(parsed.auth, secrets);
  const transport = new ScimTransport({
    baseUrl: parsed.baseUrl,
    authorization: credentials.authorization,
    secretValues: credentials.secretValues,
    timeoutMs: parsed.timeoutMs,
    maxRetries: parsed.maxRetries,
    maxRetryWaitMs: parsed.maxRetryWaitMs,
  });
  return new ScimConnector(new ScimDirectory(transport, parsed.pageSize));
}

/** Users are accounts; Groups are entitlements (key = group id); grants are group memberships. */
export class ScimConnector implements Connector {
  readonly type = 'scim';
  readonly capabilities = FULL_CAPABILITIES;

  constructor(private readonly directory: ScimDirectory) {}

  async testConnection(): Promise<void> {
    await this.directory.send({ method: 'GET', path: '/Users', query: { startIndex: 1, count: 1 }, action: 'test the connection' });
  }

  async listAccounts(cursor: string | null, pageSize: number): Promise<Page<TargetAccount>> {
    const page = await this.directory.listPage('/Users', scimUserSchema, cursor, pageSize, { excludedAttributes: 'groups' });
    return { items: page.items.map(toTargetAccount), nextCursor: page.nextCursor };
  }

  async listEntitlements(cursor: string | null, pageSize: number): Promise<Page<TargetEntitlement>> {
    const page = await this.directory.listPage('/Groups', scimGroupSchema, cursor, pageSize, { excludedAttributes: 'members' });
    return { items: page.items.map(toTargetEntitlement), nextCursor: page.nextCursor };
  }

  listGrants(cursor: string | null, pageSize: number): Promise<Page<TargetGrant>> {
    return listGrantsPage(this.directory, cursor, pageSize);
  }

  async getAccount(userName: string): Promise<TargetAccount | null> {
    const user = await this.directory.findUser(userName);
    return user === null ? null : toTargetAccount(user);
  }

  async createAccount(spec: AccountSpec): Promise<TargetAccount> {
    const action = `create user ${spec.userName}`;
    const response = await this.directory.exchange({ method: 'POST', path: '/Users', body: userResource(spec), action });
    if (isSuccess(response)) return toTargetAccount(readResource(scimUserSchema, response.body, action));
    if (response.status !== 409) throw scimFailure(response, action);
    // The userName is taken: the account exists already, so bring it in line with the spec instead.
    const existing = await this.directory.findUser(spec.userName);
    if (existing === null) throw scimFailure(response, action);
    return toTargetAccount(await this.patchUser(existing, alignOperations(spec), `align existing user ${spec.userName}`));
  }

  async updateAccount(userName: string, changes: AccountChanges): Promise<TargetAccount> {
    const action = `update user ${userName}`;
    const user = await this.directory.requireUser(userName, action);
    const operations = changeOperations(changes);
    if (operations.length === 0) return toTargetAccount(user);
    return toTargetAccount(await this.patchUser(user, operations, action));
  }

  async disableAccount(userName: string): Promise<void> {
    await this.setActive(userName, false, `disable user ${userName}`);
  }

  async enableAccount(userName: string): Promise<void> {
    await this.setActive(userName, true, `enable user ${userName}`);
  }

  async deleteAccount(userName: string): Promise<void> {
    const user = await this.directory.findUser(userName);
    if (user === null) return;
    const action = `delete user ${userName}`;
    const response = await this.directory.exchange({ method: 'DELETE', path: userPath(user.id), action });
    if (!isSuccess(response) && response.status !== 404) throw scimFailure(response, action);
  }

  async grant(userName: string, entitlementKey: string): Promise<void> {
    const action = `add user ${userName} to group ${entitlementKey}`;
    const user = await this.directory.requireUser(userName, action);
    // Servers that append duplicates on a repeated `add` exist; asking first keeps a grant idempotent everywhere.
    if (await this.isMember(entitlementKey, user.id, action)) return;
    const response = await this.directory.exchange({
      method: 'PATCH',
      path: groupPath(entitlementKey),
      body: patchOp([{ op: 'add', path: 'members', value: [{ value: user.id }] }]),
      action,
    });
    if (response.status === 404) {
      throw new ConnectorError('not-found', `${action}: the SCIM server has no group with id ${entitlementKey}`);
    }
    if (!isSuccess(response)) throw scimFailure(response, action);
  }

  async revoke(userName: string, entitlementKey: string): Promise<void> {
    const user = await this.directory.findUser(userName);
    if (user === null) return;
    const action = `remove user ${userName} from group ${entitlementKey}`;
    const response = await this.directory.exchange({
      method: 'PATCH',
      path: groupPath(entitlementKey),
      body: patchOp([{ op: 'remove', path: memberPath(user.id) }]),
      action,
    });
    // 404: no such group; 400 noTarget: the filter matched no member (RFC 7644 §3.5.2). Either way nothing is held.
    if (isSuccess(response) || response.status === 404) return;
    if (response.status === 400 && scimErrorDetail(response).scimType === 'noTarget') return;
    throw scimFailure(response, action);
  }

  async close(): Promise<void> {
    // fetch keeps no connection that belongs to this connector alone.
  }

  /**
   * Asks with a filter (`id eq ... and members[value eq ...]`), so a large group is not downloaded;
   * a server that cannot evaluate that filter (400) is asked for the group's member list instead.
   */
  private async isMember(groupId: string, userId: string, action: string): Promise<boolean> {
    const filter = `${equalsFilter('id', groupId)} and ${memberPath(userId)}`;
    const response = await this.directory.exchange({
      method: 'GET',
      path: '/Groups',
      query: { filter, attributes: 'id', startIndex: 1, count: 1 },
      action,
    });
    if (isSuccess(response)) return readList(scimGroupSchema, response.body, action).resources.length > 0;
    if (response.status !== 400) throw scimFailure(response, action);
    const group = await this.directory.exchange({ method: 'GET', path: groupPath(groupId), query: { attributes: 'members' }, action });
    if (group.status === 404) return false;
    if (!isSuccess(group)) throw scimFailure(group, action);
    return (readResource(scimGroupSchema, group.body, action).members ?? []).some((member) => member.value === userId);
  }

  private async setActive(userName: string, active: boolean, action: string): Promise<void> {
    const user = await this.directory.requireUser(userName, action);
    if (user.active === active) return;
    await this.patchUser(user, [{ op: 'replace', path: 'active', value: active }], action);
  }

  private async patchUser(user: ScimUser, operations: readonly ScimPatchOperation[], action: string): Promise<ScimUser> {
    const path = userPath(user.id);
    const response = await this.directory.exchange({ method: 'PATCH', path, body: patchOp(operations), action });
    if (response.status === 404) throw new ConnectorError('not-found', `${action}: the SCIM user ${user.id} no longer exists`);
    if (!isSuccess(response)) throw scimFailure(response, action);
    return this.directory.resourceAfterWrite(response, path, scimUserSchema, action);
  }
}

function userPath(id: string): string {
  return `/Users/${encodeURIComponent(id)}`;
}

function groupPath(id: string): string {
  return `/Groups/${encodeURIComponent(id)}`;
}
