import { startScimmyServer, type ScimmyServer } from '@tenure/connector-scim/testing';
import type { Dice } from '../random';
import { HttpFaultProxy, type HttpFaultRates } from '../faults/http-fault-proxy';
import { ProxiedTarget, TargetStateBuilder, type ChaosTarget, type TargetState } from './target-state';

const GROUPS = { birthright: ['members'], requestable: ['admins'] } as const;
// The SCIM connector's entitlement keys are the target's group ids (names may change, ids do not).

/**
 * A real SCIM 2.0 server (SCIMMY, from the npm registry) standing for a SaaS application; it lives
 * in the harness's process, which is never killed, so its state is the truth at the end. Tenure
 * reaches it through an HTTP proxy injecting 503s, 429s with Retry-After, slow and lost answers.
 */
export class ScimTarget extends ProxiedTarget<HttpFaultProxy> implements ChaosTarget {
  readonly applicationId = 'chaos-saas';
  readonly birthright: readonly string[];
  readonly requestable: readonly string[];

  private constructor(
    private readonly server: ScimmyServer,
    proxy: HttpFaultProxy,
    private readonly groupIds: ReadonlyMap<string, string>,
  ) {
    super(proxy);
    this.birthright = GROUPS.birthright.map((name) => groupIds.get(name)!);
    this.requestable = GROUPS.requestable.map((name) => groupIds.get(name)!);
  }

  static async start(dice: Dice, rates: HttpFaultRates): Promise<ScimTarget> {
    // Like commercial SCIM servers (RFC 7644 §3.5.2.1), an `add` of a member already there changes nothing.
    const server = await startScimmyServer({ uniqueMembers: true });
    const groupIds = new Map<string, string>();
    for (const name of [...GROUPS.birthright, ...GROUPS.requestable]) groupIds.set(name, await server.createGroup(name));
    const proxy = await HttpFaultProxy.start(new URL(server.baseUrl).origin, dice, rates);
    return new ScimTarget(server, proxy, groupIds);
  }

  /** The SaaS stops answering (requests wait) until `answerAgain`. */
  stopAnswering(): void {
    this.proxy.hold();
  }

  answerAgain(): void {
    this.proxy.release();
  }

  get env(): Readonly<Record<string, string>> {
    return { CHAOS_SCIM_URL: this.proxy.url(new URL(this.server.baseUrl).pathname), CHAOS_SCIM_TOKEN: this.server.token };
  }

  applicationEntry(owner: string): Record<string, unknown> {
    return {
      id: this.applicationId,
      name: 'SaaS over SCIM (real SCIMMY server, behind the chaos proxy)',
      connectorType: 'scim',
      owner,
      settings: {
        baseUrl: { env: 'CHAOS_SCIM_URL' },
        auth: { type: 'bearer', tokenSecret: 'token' },
        timeoutMs: 3_000,
        maxRetries: 1,
        maxRetryWaitMs: 2_000,
      },
      credentials: { token: { env: 'CHAOS_SCIM_TOKEN' } },
      catalog: this.requestable.map((key) => ({ key, owner, risk: 'medium', requestable: true })),
    };
  }

  read(userPrefix: string): Promise<TargetState> {
    const state = new TargetStateBuilder();
    const userNames = new Map<string, string>();
    for (const user of this.server.storedUsers()) {
      const userName = String(user['userName']);
      if (!userName.startsWith(userPrefix)) continue;
      userNames.set(user.id, userName);
      state.account(userName, user['active'] !== false);
    }
    for (const id of this.groupIds.values()) {
      const members = (this.server.storedGroup(id)?.['members'] ?? []) as readonly { value: string }[];
      for (const member of members) {
        const userName = userNames.get(member.value);
        if (userName) state.member(userName, id);
      }
    }
    return Promise.resolve(state.build());
  }

  async close(): Promise<void> {
    await this.proxy.close();
    await this.server.close();
  }
}
