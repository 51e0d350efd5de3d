import { type LocalService, startLocalService } from '@tenure/service-runtime';
import type { Pool } from 'pg';
import { createTestDatabase, postGraphql, type GraphqlAnswer, type TestDatabase } from '@tenure/testing';
import { connectorService } from '../../app';
import { newCredentialsKey } from '../../testing/connector-harness';

export const ADMIN_TOKEN = 'connector-admin-token';

/**
 * The connector service as it runs (HTTP, Nest, read models, subgraph schema) on its own PostgreSQL
 * database, with an administrator token and a credentials key. Requests carry the administrator
 * token unless told otherwise.
 */
export class ConnectorServiceHarness {
  private constructor(
    private readonly database: TestDatabase,
    readonly service: LocalService,
  ) {}

  static async start(): Promise<ConnectorServiceHarness> {
    process.env['ADMIN_TOKENS'] = ADMIN_TOKEN;
    process.env['CONNECTOR_CREDENTIALS_KEY'] = newCredentialsKey();
    const database = await createTestDatabase(4);
    const service = await startLocalService(connectorService, database.url);
    return new ConnectorServiceHarness(database, service);
  }

  get pool(): Pool {
    return this.database.pool;
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

  async close(): Promise<void> {
    delete process.env['ADMIN_TOKENS'];
    delete process.env['CONNECTOR_CREDENTIALS_KEY'];
    await this.service.close();
    await this.database.drop();
  }
}
