import type { INestApplication } from '@nestjs/common';
import type { ServiceDefinition } from '../service-definition';
import { startService } from './create-service-app';

/** What a service's /graphql answered. */
export interface GraphQLAnswer<Data> {
  readonly status: number;
  readonly data?: Data;
  readonly errors?: readonly unknown[];
}

/** A service running inside this process, on a free loopback port. */
export interface LocalService {
  readonly app: INestApplication;
  /** Where it listens, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** Sends `query` to its /graphql over HTTP, as the gateway would, with `Authorization: Bearer <token>` when given. */
  graphql<Data>(query: string, token?: string): Promise<GraphQLAnswer<Data>>;
  close(): Promise<void>;
}

/**
 * Runs a service in this process on a free loopback port, with silent logs unless told otherwise:
 * how integration tests (and tools) run one against a database they created.
 */
export async function startLocalService(
  service: ServiceDefinition,
  databaseUrl: string,
  options: { readonly logLevel?: 'silent' | 'info' | 'debug' } = {},
): Promise<LocalService> {
  const app = await startService(service, {
    PORT: 0,
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: options.logLevel ?? 'silent',
    NODE_ENV: 'test',
  });
  const url = await app.getUrl();
  return {
    app,
    url,
    async graphql<Data>(query: string, token?: string): Promise<GraphQLAnswer<Data>> {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query }),
      });
      return { status: response.status, ...((await response.json()) as Omit<GraphQLAnswer<Data>, 'status'>) };
    },
    close: () => app.close(),
  };
}
