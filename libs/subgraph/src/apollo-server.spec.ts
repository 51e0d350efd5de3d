import type { ApolloServer, BaseContext, GraphQLResponse } from '@apollo/server';
import { DomainError, type ErrorCode } from '@tenure/event-sourcing';
import type { GraphQLFormattedError } from 'graphql';
import { Arg, Query, Resolver } from 'type-graphql';
import { createSubgraphServer } from './apollo-server';
import { buildFederatedSchema } from './build-federated-schema';

@Resolver()
class FailingResolver {
  @Query(() => String, { description: 'Fails with a domain error of the given code, or unexpectedly for "unexpected".' })
  fail(@Arg('code', () => String) code: string): string {
    if (code === 'unexpected') throw new Error('connect ECONNREFUSED 10.0.0.5:5432');
    throw new DomainError(code as ErrorCode, `failed with ${code}`, { record: 'r-1' });
  }
}

async function startServer(production: boolean): Promise<ApolloServer<BaseContext>> {
  const schema = await buildFederatedSchema({ resolvers: [FailingResolver] });
  const server = createSubgraphServer(schema, { production });
  await server.start();
  return server;
}

function errorsOf(response: GraphQLResponse): readonly GraphQLFormattedError[] {
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult.errors ?? [];
}

describe('subgraph Apollo Server', () => {
  describe('in development', () => {
    let server: ApolloServer<BaseContext>;
    beforeAll(async () => {
      server = await startServer(false);
    });
    afterAll(() => server.stop());

    it.each([
      ['validation', 'BAD_USER_INPUT'],
      ['not_found', 'NOT_FOUND'],
      ['forbidden', 'FORBIDDEN'],
      ['illegal_state', 'FAILED_PRECONDITION'],
      ['conflict', 'CONFLICT'],
    ])('maps the domain error code %s to extensions.code %s, keeping message and details', async (domainCode, graphqlCode) => {
      const [error] = errorsOf(await server.executeOperation({ query: `{ fail(code: "${domainCode}") }` }));

      expect(error?.message).toBe(`failed with ${domainCode}`);
      expect(error?.path).toEqual(['fail']);
      expect(error?.extensions).toMatchObject({ code: graphqlCode, details: { record: 'r-1' } });
    });

    it('shows stack traces and the message of unexpected errors to developers', async () => {
      const [error] = errorsOf(await server.executeOperation({ query: '{ fail(code: "unexpected") }' }));

      expect(error?.message).toBe('connect ECONNREFUSED 10.0.0.5:5432');
      expect(error?.extensions?.['stacktrace']).toEqual(expect.any(Array));
    });

    it('allows introspection', async () => {
      expect(errorsOf(await server.executeOperation({ query: '{ __schema { queryType { name } } }' }))).toEqual([]);
    });
  });

  describe('in production', () => {
    let server: ApolloServer<BaseContext>;
    beforeAll(async () => {
      server = await startServer(true);
    });
    afterAll(() => server.stop());

    it('still maps domain errors, without stack traces', async () => {
      const [error] = errorsOf(await server.executeOperation({ query: '{ fail(code: "not_found") }' }));

      expect(error?.message).toBe('failed with not_found');
      expect(error?.extensions).toEqual({ code: 'NOT_FOUND', details: { record: 'r-1' } });
    });

    it('hides what an unexpected error says about internals', async () => {
      const [error] = errorsOf(await server.executeOperation({ query: '{ fail(code: "unexpected") }' }));

      expect(error).toEqual({
        message: 'Internal server error',
        locations: [{ line: 1, column: 3 }],
        path: ['fail'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
    });

    it('refuses introspection', async () => {
      const [error] = errorsOf(await server.executeOperation({ query: '{ __schema { queryType { name } } }' }));

      expect(error?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(error?.message).toContain('introspection');
    });
  });
});
