import type { EventStore } from '@tenure/event-sourcing';
import { EVENT_STORE, type LocalService, startLocalService } from '@tenure/service-runtime';
import { addAssignment, createTestDatabase, postGraphql, type GraphqlAnswer, type TestDatabase } from '@tenure/testing';
import { policyService } from '../../app';
import { publishPeople, type Person } from './policy-people';

export const ADMIN_TOKEN = 'policy-admin-token';

/**
 * The policy service as it runs (HTTP, Nest, projections, detective SoD, subgraph schema) on its own
 * PostgreSQL database, knowing the people given as the identity service publishes them. Requests
 * carry the administrator token (from ADMIN_TOKENS) unless told otherwise.
 */
export class PolicyServiceHarness {
  private constructor(
    private readonly database: TestDatabase,
    readonly service: LocalService,
  ) {}

  static async start(people: readonly Person[]): Promise<PolicyServiceHarness> {
    process.env['ADMIN_TOKENS'] = ADMIN_TOKEN;
    const database = await createTestDatabase(4);
    const service = await startLocalService(policyService, database.url);
    await publishPeople(service.app.get<symbol, EventStore>(EVENT_STORE), people);
    return new PolicyServiceHarness(database, service);
  }

  graphql<Data>(query: string, variables: Record<string, unknown> = {}, token: string | null = ADMIN_TOKEN): Promise<GraphqlAnswer<Data>> {
    return postGraphql<Data>(this.service.url, query, variables, token);
  }

  /** The data of an answer that must have no errors. */
  async ok<Data>(query: string, variables: Record<string, unknown> = {}): Promise<Data> {
    const { data, errors } = await this.graphql<Data>(query, variables);
    if (errors || !data) throw new Error(`GraphQL errors for ${query}: ${JSON.stringify(errors)}`);
    return data;
  }

  /** An identity's policy fields as the gateway asks for them: through `_entities`. */
  async identity(identityId: string, fields: string): Promise<Record<string, unknown>> {
    const data = await this.ok<{ _entities: Record<string, unknown>[] }>(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Identity { id ${fields} } } }`,
      { representations: [{ __typename: 'Identity', id: identityId }] },
    );
    return data._entities[0]!;
  }

  /**
   * Gives each person their birthright under the latest version as assignments, appended as the
   * workflow service publishes them: what policy then takes them to hold.
   */
  async assignBirthright(people: readonly Person[]): Promise<void> {
    const store = this.service.app.get<symbol, EventStore>(EVENT_STORE);
    for (const one of people) {
      const identity = await this.identity(
        one.identityId,
        'birthright { policyVersion entitlements { entitlement { application entitlement } reasons { ruleId } } }',
      );
      const birthright = identity['birthright'] as {
        policyVersion: number;
        entitlements: { entitlement: { application: string; entitlement: string }; reasons: { ruleId: string }[] }[];
      };
      for (const { entitlement, reasons } of birthright.entitlements) {
        await addAssignment(store, {
          assignmentId: `${one.identityId}:${entitlement.application}:${entitlement.entitlement}`,
          identityId: one.identityId,
          applicationId: entitlement.application,
          entitlementKey: entitlement.entitlement,
          source: {
            kind: 'birthright',
            reference: reasons.map((reason) => reason.ruleId).join(','),
            policyVersion: birthright.policyVersion,
          },
        });
      }
    }
  }

  async close(): Promise<void> {
    delete process.env['ADMIN_TOKENS'];
    await this.service.close();
    await this.database.drop();
  }
}
